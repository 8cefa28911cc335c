import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

export interface BuildSpaceOptions {
  /** `consortium`, `inst:<id>`, `cohort:<id>` or `group:<id>`. */
  scopeKey?: string;
  name?: string;
  slug?: string;
  phase?: number | null;
  allowAnonymous?: boolean;
  whoMayStart?: 'everyone' | 'facilitators';
  slowModeSeconds?: number;
  firstPostsNeedApproval?: boolean;
  facilitatorIds?: string[];
  /** Published as version 1 of the space's community agreements. */
  agreement?: string;
}

/** A forum space written straight into the database, with its facilitators and (optionally) its agreements. */
export async function buildSpace(db: DataSource, options: BuildSpaceOptions = {}) {
  const suffix = randomUUID().slice(0, 8);
  const name = options.name ?? `Space ${suffix}`;
  const scopeKey = options.scopeKey ?? 'consortium';
  const [row] = await db.query(
    `INSERT INTO space (slug, name, scope_key, phase, who_may_start, allow_anonymous, slow_mode_seconds, first_posts_need_approval)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id, slug`,
    [
      options.slug ?? `space-${suffix}`,
      name,
      scopeKey,
      options.phase ?? null,
      options.whoMayStart ?? 'everyone',
      options.allowAnonymous ?? false,
      options.slowModeSeconds ?? 0,
      options.firstPostsNeedApproval ?? false,
    ],
  );
  for (const userId of options.facilitatorIds ?? []) {
    await db.query('INSERT INTO space_facilitator (space_id, user_id) VALUES ($1, $2)', [row.id, userId]);
  }
  if (options.agreement !== undefined) {
    await db.query('INSERT INTO space_agreement (space_id, version, body) VALUES ($1, 1, $2)', [row.id, options.agreement]);
  }
  return { id: row.id as string, slug: row.slug as string, name, scopeKey };
}

/** Records that a person accepted a version of a space's agreements, without going through the API. */
export async function acceptAgreement(db: DataSource, spaceId: string, userId: string, version = 1): Promise<void> {
  await db.query('INSERT INTO agreement_acceptance (space_id, user_id, version) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
    spaceId,
    userId,
    version,
  ]);
}
