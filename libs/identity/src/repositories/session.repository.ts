import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { ApiTokenEntity, SessionEntity } from '../entities';

@Injectable()
export class SessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(
    data: { userId: string; tokenHash: string; expiresAt: Date; ip: string | null; userAgent: string | null },
    manager?: EntityManager,
  ): Promise<string> {
    const repo = (manager ?? this.dataSource.manager).getRepository(SessionEntity);
    const saved = await repo.save(repo.create({ ...data, lastSeenAt: new Date() }));
    return saved.id;
  }

  async revoke(sessionId: string, at: Date): Promise<void> {
    await this.dataSource.getRepository(SessionEntity).update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: at });
  }

  /** Ends every session of a person (sign-out everywhere, password change, deactivation), optionally sparing one. */
  async revokeAllOf(userId: string, at: Date, exceptSessionId?: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      `UPDATE user_session SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid)`,
      [userId, at, exceptSessionId ?? null],
    );
  }

  async createApiToken(data: { userId: string; name: string; tokenHash: string }): Promise<ApiTokenEntity> {
    const repo = this.dataSource.getRepository(ApiTokenEntity);
    return repo.save(repo.create(data));
  }

  listApiTokens(userId: string): Promise<ApiTokenEntity[]> {
    return this.dataSource.getRepository(ApiTokenEntity).find({
      where: { userId, revokedAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
  }

  async revokeApiToken(userId: string, tokenId: string, at: Date): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(ApiTokenEntity)
      .update({ id: tokenId, userId, revokedAt: IsNull() }, { revokedAt: at });
    return (result.affected ?? 0) > 0;
  }

  async revokeAllApiTokensOf(userId: string, at: Date, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      'UPDATE api_token SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL',
      [userId, at],
    );
  }
}
