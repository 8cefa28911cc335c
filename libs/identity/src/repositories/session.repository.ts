import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { ApiTokenEntity, SessionEntity } from '../entities';

export interface SessionOwner {
  sessionId: string;
  userId: string;
}

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

  /** A live session of an active person, or null; one indexed lookup per request. */
  async findLive(tokenHash: string, now: Date): Promise<SessionOwner | null> {
    const rows: { id: string; user_id: string }[] = await this.dataSource.query(
      `SELECT s.id, s.user_id FROM user_session s JOIN app_user u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND u.status = 'active'`,
      [tokenHash, now],
    );
    return rows[0] ? { sessionId: rows[0].id, userId: rows[0].user_id } : null;
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

  async findLiveApiToken(tokenHash: string): Promise<{ tokenId: string; userId: string } | null> {
    const rows: { id: string; user_id: string }[] = await this.dataSource.query(
      // Wrapped in a SELECT so the driver returns rows (TypeORM answers a bare UPDATE with [rows, count]).
      `WITH used AS (
         UPDATE api_token t SET last_used_at = now() FROM app_user u
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.id = t.user_id AND u.status = 'active'
         RETURNING t.id, t.user_id
       ) SELECT id, user_id FROM used`,
      [tokenHash],
    );
    return rows[0] ? { tokenId: rows[0].id, userId: rows[0].user_id } : null;
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
