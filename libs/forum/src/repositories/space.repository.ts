import { Injectable } from '@nestjs/common';
import type { ScopeKey, ScopeSet } from '@app/identity';
import { DataSource, type EntityManager } from 'typeorm';

export interface SpaceSettings {
  slug: string;
  name: string;
  description: string;
  scopeKey: ScopeKey;
  parentId: string | null;
  phase: number | null;
  whoMayStart: 'everyone' | 'facilitators';
  allowAnonymous: boolean;
  slowModeSeconds: number;
  firstPostsNeedApproval: boolean;
}

export interface SpaceRecord extends SpaceSettings {
  id: string;
  facilitatorIds: string[];
  /** The current community-agreements version, or null when the space has none. */
  agreementVersion: number | null;
  topicCount: number;
  createdAt: Date;
}

export const SPACE_COLUMNS = `s.id, s.slug, s.name, s.description, s.scope_key AS "scopeKey", s.parent_id AS "parentId", s.phase,
  s.who_may_start AS "whoMayStart", s.allow_anonymous AS "allowAnonymous", s.slow_mode_seconds AS "slowModeSeconds",
  s.first_posts_need_approval AS "firstPostsNeedApproval", s.created_at AS "createdAt",
  ARRAY(SELECT user_id FROM space_facilitator f WHERE f.space_id = s.id ORDER BY f.created_at) AS "facilitatorIds",
  (SELECT max(version) FROM space_agreement a WHERE a.space_id = s.id) AS "agreementVersion",
  s.topic_count AS "topicCount"`;

/** A space row that travelled as JSON (joined into another statement): dates come back as text. */
export function spaceFromJson(row: Omit<SpaceRecord, 'createdAt'> & { createdAt: string | Date }): SpaceRecord {
  return { ...row, createdAt: new Date(row.createdAt) };
}

/** Enough for every space a consortium will have; past it the memo starts over rather than grow. */
const SCOPE_MEMO_LIMIT = 10_000;

@Injectable()
export class SpaceRepository {
  /**
   * Space id → scope key. A space's scope is fixed when it is created (no update touches scope_key) and
   * spaces are never deleted, so the answer cannot go stale on this or any other server. If either rule
   * ever changes, this memo has to go with it.
   */
  private readonly scopeMemo = new Map<string, ScopeKey>();

  constructor(private readonly dataSource: DataSource) {}

  /** Who may read a space depends only on its scope: the hot read paths ask for just that, mostly from memory. */
  async scopeKeyOf(id: string): Promise<ScopeKey | null> {
    const known = this.scopeMemo.get(id);
    if (known) return known;
    const rows: { scopeKey: ScopeKey }[] = await this.dataSource.query('SELECT scope_key AS "scopeKey" FROM space WHERE id = $1', [id]);
    if (!rows[0]) return null;
    if (this.scopeMemo.size >= SCOPE_MEMO_LIMIT) this.scopeMemo.clear();
    this.scopeMemo.set(id, rows[0].scopeKey);
    return rows[0].scopeKey;
  }

  private db(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  async findById(id: string, manager?: EntityManager): Promise<SpaceRecord | null> {
    const rows: SpaceRecord[] = await this.db(manager).query(`SELECT ${SPACE_COLUMNS} FROM space s WHERE s.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Spaces whose scope the reader may see; `everything` skips the scope filter. */
  list(scopes: ScopeSet): Promise<SpaceRecord[]> {
    return this.dataSource.query(
      `SELECT ${SPACE_COLUMNS} FROM space s WHERE $1::boolean OR s.scope_key = ANY($2::text[]) ORDER BY s.phase NULLS LAST, s.name`,
      [scopes.everything, scopes.keys],
    );
  }

  async create(settings: SpaceSettings, manager?: EntityManager): Promise<string> {
    const [row] = await this.db(manager).query(
      `INSERT INTO space (slug, name, description, scope_key, parent_id, phase, who_may_start, allow_anonymous,
         slow_mode_seconds, first_posts_need_approval)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        settings.slug,
        settings.name,
        settings.description,
        settings.scopeKey,
        settings.parentId,
        settings.phase,
        settings.whoMayStart,
        settings.allowAnonymous,
        settings.slowModeSeconds,
        settings.firstPostsNeedApproval,
      ],
    );
    return row.id;
  }

  async update(id: string, patch: Partial<Omit<SpaceSettings, 'scopeKey' | 'slug'>>, manager?: EntityManager): Promise<void> {
    const columns: Record<keyof typeof patch, string> = {
      name: 'name',
      description: 'description',
      parentId: 'parent_id',
      phase: 'phase',
      whoMayStart: 'who_may_start',
      allowAnonymous: 'allow_anonymous',
      slowModeSeconds: 'slow_mode_seconds',
      firstPostsNeedApproval: 'first_posts_need_approval',
    };
    const entries = Object.entries(patch).filter(([, value]) => value !== undefined) as [keyof typeof patch, unknown][];
    if (entries.length === 0) return;
    const assignments = entries.map(([key], index) => `${columns[key]} = $${index + 2}`).join(', ');
    await this.db(manager).query(`UPDATE space SET ${assignments}, updated_at = now() WHERE id = $1`, [
      id,
      ...entries.map(([, value]) => value),
    ]);
  }

  async setFacilitators(spaceId: string, userIds: string[], manager?: EntityManager): Promise<void> {
    await this.db(manager).query('DELETE FROM space_facilitator WHERE space_id = $1 AND NOT (user_id = ANY($2::uuid[]))', [
      spaceId,
      userIds,
    ]);
    await this.db(manager).query(
      'INSERT INTO space_facilitator (space_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING',
      [spaceId, userIds],
    );
  }

  async addAgreementVersion(spaceId: string, body: string, userId: string, manager?: EntityManager): Promise<number> {
    // Locking the space row serialises concurrent publishers so versions stay 1, 2, 3…
    await this.db(manager).query('SELECT 1 FROM space WHERE id = $1 FOR UPDATE', [spaceId]);
    const [row] = await this.db(manager).query(
      `INSERT INTO space_agreement (space_id, version, body, created_by_id)
       SELECT $1, coalesce(max(version), 0) + 1, $2, $3 FROM space_agreement WHERE space_id = $1 RETURNING version`,
      [spaceId, body, userId],
    );
    return row.version;
  }

  async currentAgreement(spaceId: string): Promise<{ version: number; body: string; createdAt: Date } | null> {
    const rows = await this.dataSource.query(
      `SELECT version, body, created_at AS "createdAt" FROM space_agreement WHERE space_id = $1 ORDER BY version DESC LIMIT 1`,
      [spaceId],
    );
    return rows[0] ?? null;
  }

  async acceptedVersion(spaceId: string, userId: string): Promise<number | null> {
    const rows = await this.dataSource.query(
      'SELECT max(version) AS version FROM agreement_acceptance WHERE space_id = $1 AND user_id = $2',
      [spaceId, userId],
    );
    return rows[0]?.version ?? null;
  }

  async accept(spaceId: string, userId: string, version: number): Promise<Date> {
    const [row] = await this.dataSource.query(
      `INSERT INTO agreement_acceptance (space_id, user_id, version) VALUES ($1, $2, $3)
       ON CONFLICT (space_id, user_id, version) DO UPDATE SET version = EXCLUDED.version RETURNING accepted_at AS "acceptedAt"`,
      [spaceId, userId, version],
    );
    return row.acceptedAt;
  }
}
