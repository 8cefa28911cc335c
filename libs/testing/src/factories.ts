import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { PasswordHasher, type GroupKind, type PlatformRole, type SchoolRole } from '@app/identity';

const hasher = new PasswordHasher();
const hashes = new Map<string, Promise<string>>();
/** Hashing is deliberately slow; tests reuse one hash per distinct password. */
const hashOnce = (password: string) => {
  if (!hashes.has(password)) hashes.set(password, hasher.hash(password));
  return hashes.get(password)!;
};

const unique = () => randomUUID().slice(0, 8);

export const DEFAULT_PASSWORD = 'correct horse battery';

export async function buildInstitution(db: DataSource, overrides: { name?: string; slug?: string } = {}) {
  const suffix = unique();
  const [row] = await db.query('INSERT INTO institution (name, slug) VALUES ($1, $2) RETURNING id, name, slug', [
    overrides.name ?? `School ${suffix}`,
    overrides.slug ?? `school-${suffix}`,
  ]);
  return row as { id: string; name: string; slug: string };
}

export async function buildCohort(
  db: DataSource,
  institutionId: string,
  overrides: { name?: string; programYear?: number } = {},
) {
  const [row] = await db.query(
    'INSERT INTO cohort (institution_id, name, program_year) VALUES ($1, $2, $3) RETURNING id, name, program_year AS "programYear"',
    [institutionId, overrides.name ?? `Cohort ${unique()}`, overrides.programYear ?? 2026],
  );
  return row as { id: string; name: string; programYear: number };
}

export async function buildGroup(
  db: DataSource,
  overrides: { institutionId?: string | null; name?: string; kind?: GroupKind } = {},
) {
  const [row] = await db.query('INSERT INTO "group" (institution_id, name, kind) VALUES ($1, $2, $3) RETURNING id, name', [
    overrides.institutionId ?? null,
    overrides.name ?? `Group ${unique()}`,
    overrides.kind ?? 'other',
  ]);
  return row as { id: string; name: string };
}

export interface BuildUserOptions {
  email?: string;
  password?: string;
  displayName?: string;
  platformRole?: PlatformRole;
  institutionId?: string | null;
  schoolLead?: boolean;
  schoolRole?: SchoolRole | null;
  expertise?: string[];
  cohortIds?: string[];
  groupIds?: string[];
  status?: 'active' | 'deactivated';
}

export async function buildUser(db: DataSource, options: BuildUserOptions = {}) {
  const password = options.password ?? DEFAULT_PASSWORD;
  const email = (options.email ?? `person-${unique()}@example.test`).toLowerCase();
  const [row] = await db.query(
    `INSERT INTO app_user (email, password_hash, display_name, platform_role, institution_id, school_lead, school_role, expertise, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      email,
      await hashOnce(password),
      options.displayName ?? `Person ${unique()}`,
      options.platformRole ?? 'member',
      options.institutionId ?? null,
      options.schoolLead ?? false,
      options.schoolRole ?? null,
      options.expertise ?? [],
      options.status ?? 'active',
    ],
  );
  for (const cohortId of options.cohortIds ?? []) {
    await db.query('INSERT INTO cohort_member (cohort_id, user_id) VALUES ($1, $2)', [cohortId, row.id]);
  }
  for (const groupId of options.groupIds ?? []) {
    await db.query('INSERT INTO group_member (group_id, user_id) VALUES ($1, $2)', [groupId, row.id]);
  }
  return { id: row.id as string, email, password };
}
