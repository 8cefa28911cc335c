import { Injectable } from '@nestjs/common';
import type { ScopeKey } from '@app/identity';
import { DataSource } from 'typeorm';

/** Who may review besides facilitators (contributors), and how many approvals publishing takes per scope. */
@Injectable()
export class CurationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Of `userIds`, the active people who are contributors. */
  async contributorsAmong(userIds: readonly string[]): Promise<Set<string>> {
    const rows: { userId: string }[] = await this.dataSource.query(
      `SELECT c.user_id AS "userId" FROM kb_contributor c JOIN app_user u ON u.id = c.user_id
       WHERE c.user_id = ANY($1::uuid[]) AND u.status = 'active'`,
      [userIds],
    );
    return new Set(rows.map((r) => r.userId));
  }

  async grant(userId: string, grantedById: string): Promise<void> {
    await this.dataSource.query(
      'INSERT INTO kb_contributor (user_id, granted_by_id) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING',
      [userId, grantedById],
    );
  }

  async revoke(userId: string): Promise<void> {
    await this.dataSource.query('DELETE FROM kb_contributor WHERE user_id = $1', [userId]);
  }

  /** Contributors visible to the caller: `institutionId` null lists all, else only that school's people. */
  contributors(institutionId: string | null): Promise<{ userId: string; displayName: string; institutionId: string | null; grantedAt: Date }[]> {
    return this.dataSource.query(
      `SELECT u.id AS "userId", u.display_name AS "displayName", u.institution_id AS "institutionId", c.granted_at AS "grantedAt"
       FROM kb_contributor c JOIN app_user u ON u.id = c.user_id
       WHERE u.status = 'active' AND ($1::uuid IS NULL OR u.institution_id = $1) ORDER BY u.display_name, u.id`,
      [institutionId],
    );
  }

  async approvalsRequired(scopeKey: ScopeKey): Promise<number> {
    const [row] = await this.dataSource.query('SELECT approvals_required AS n FROM kb_scope_setting WHERE scope_key = $1', [scopeKey]);
    return row?.n ?? 1;
  }

  async setApprovalsRequired(scopeKey: ScopeKey, approvals: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO kb_scope_setting (scope_key, approvals_required) VALUES ($1, $2)
       ON CONFLICT (scope_key) DO UPDATE SET approvals_required = EXCLUDED.approvals_required, updated_at = now()`,
      [scopeKey, approvals],
    );
  }
}
