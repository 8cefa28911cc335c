import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface PasswordResetRow {
  id: string;
  userId: string;
  email: string;
  expiresAt: Date;
  usedAt: Date | null;
  userActive: boolean;
}

@Injectable()
export class PasswordResetRepository {
  constructor(private readonly dataSource: DataSource) {}

  private db(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  /** Serialises one person's requests until the transaction ends, so two at once cannot both pass the limit. */
  async lockPerson(userId: string, manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('password_reset:' || $1))`, [userId]);
  }

  /** Unused requests made since `since`; the ones the hourly limit counts. */
  async countOpenSince(userId: string, since: Date, manager?: EntityManager): Promise<number> {
    const rows: { n: number }[] = await this.db(manager).query(
      'SELECT count(*)::int AS n FROM password_reset WHERE user_id = $1 AND used_at IS NULL AND created_at > $2',
      [userId, since],
    );
    return rows[0].n;
  }

  /** created_at comes from the application's clock, like expires_at, so the two always agree. */
  async create(
    data: { userId: string; tokenHash: string; expiresAt: Date; createdAt: Date },
    manager?: EntityManager,
  ): Promise<string> {
    const rows: { id: string }[] = await this.db(manager).query(
      'INSERT INTO password_reset (user_id, token_hash, expires_at, created_at) VALUES ($1, $2, $3, $4) RETURNING id',
      [data.userId, data.tokenHash, data.expiresAt, data.createdAt],
    );
    return rows[0].id;
  }

  /** With `manager`, the row is locked so two confirmations of one link cannot both succeed. */
  async findByTokenHash(tokenHash: string, manager?: EntityManager): Promise<PasswordResetRow | null> {
    const rows: PasswordResetRow[] = await this.db(manager).query(
      `SELECT r.id, r.user_id AS "userId", u.email, r.expires_at AS "expiresAt", r.used_at AS "usedAt",
              u.status = 'active' AS "userActive"
       FROM password_reset r JOIN app_user u ON u.id = r.user_id
       WHERE r.token_hash = $1${manager ? ' FOR UPDATE OF r' : ''}`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** Closes every open request of the person: the one just used and any older link still in their inbox. */
  async markOpenUsed(userId: string, at: Date, manager?: EntityManager): Promise<void> {
    await this.db(manager).query('UPDATE password_reset SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL', [userId, at]);
  }
}
