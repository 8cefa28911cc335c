import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Keyset } from '@app/core';
import { UserEntity, type PlatformRole, type SchoolRole } from '../entities';

export interface NewUser {
  email: string;
  passwordHash: string | null;
  displayName: string;
  pronouns?: string;
  schoolRole: SchoolRole | null;
  bio?: string;
  expertise?: string[];
  platformRole: PlatformRole;
  institutionId: string | null;
  schoolLead: boolean;
}

export interface ProfilePatch {
  displayName?: string;
  pronouns?: string;
  schoolRole?: SchoolRole | null;
  bio?: string;
  expertise?: string[];
}

/** Exported so the benchmark's bare baseline server runs exactly the query the app runs. */
export const OWN_PROFILE_SQL = `SELECT u.id, u.email, u.handle, u.display_name AS "displayName", u.pronouns, u.school_role AS "schoolRole", u.bio, u.expertise,
         u.platform_role AS "platformRole",
         (SELECT json_build_object('id', i.id, 'name', i.name, 'slug', i.slug) FROM institution i WHERE i.id = u.institution_id)
           AS institution,
         COALESCE((SELECT json_agg(json_build_object('id', c.id, 'name', c.name, 'programYear', c.program_year,
                     'institutionId', c.institution_id) ORDER BY c.program_year DESC, c.name)
                   FROM cohort c JOIN cohort_member m ON m.cohort_id = c.id WHERE m.user_id = u.id), '[]') AS cohorts,
         COALESCE((SELECT json_agg(json_build_object('id', g.id, 'name', g.name, 'kind', g.kind) ORDER BY g.name)
                   FROM "group" g JOIN group_member m ON m.group_id = g.id WHERE m.user_id = u.id), '[]') AS groups
       FROM app_user u WHERE u.id = $1`;

export interface OwnProfile {
  id: string;
  email: string;
  handle: string;
  displayName: string;
  pronouns: string;
  schoolRole: SchoolRole | null;
  bio: string;
  expertise: string[];
  platformRole: PlatformRole;
  institution: { id: string; name: string; slug: string } | null;
  cohorts: { id: string; name: string; programYear: number; institutionId: string }[];
  groups: { id: string; name: string; kind: string }[];
}

export interface DirectoryQuery {
  text?: string;
  institutionId?: string;
  schoolRole?: SchoolRole;
  cohortId?: string;
  groupId?: string;
  expertise?: string;
  /** Deactivated people are listed only for those who administer them. */
  includeDeactivatedOf?: 'all' | string | null;
  after?: Keyset;
  limit: number;
}

@Injectable()
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(UserEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  findByEmail(email: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.repo(manager).findOneBy({ email: email.toLowerCase() });
  }

  async findCredentials(email: string): Promise<{ id: string; passwordHash: string | null; status: string } | null> {
    const rows: { id: string; password_hash: string | null; status: string }[] = await this.dataSource.query(
      'SELECT id, password_hash, status FROM app_user WHERE email = $1',
      [email.toLowerCase()],
    );
    return rows[0] ? { id: rows[0].id, passwordHash: rows[0].password_hash, status: rows[0].status } : null;
  }

  async passwordHashOf(id: string): Promise<string | null> {
    const rows: { password_hash: string | null }[] = await this.dataSource.query(
      'SELECT password_hash FROM app_user WHERE id = $1',
      [id],
    );
    return rows[0]?.password_hash ?? null;
  }

  async create(data: NewUser, manager?: EntityManager): Promise<UserEntity> {
    const repo = this.repo(manager);
    const saved = await repo.save(
      repo.create({ pronouns: '', bio: '', expertise: [], status: 'active', ...data, email: data.email.toLowerCase() }),
    );
    return await repo.findOneByOrFail({ id: saved.id });
  }

  async updateProfile(id: string, patch: ProfilePatch): Promise<void> {
    if (Object.keys(patch).length) await this.repo().update({ id }, patch);
  }

  async updateRoles(id: string, patch: { platformRole?: PlatformRole; schoolLead?: boolean }): Promise<void> {
    if (Object.keys(patch).length) await this.repo().update({ id }, patch);
  }

  async setPasswordHash(id: string, passwordHash: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, { passwordHash });
  }

  async deactivate(id: string, at: Date, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, { status: 'deactivated', deactivatedAt: at });
  }

  /** The signed-in person with their school, cohorts and groups, in one round trip (GET /me runs it on every page). */
  async displayNameOf(userId: string): Promise<string | null> {
    const rows: { displayName: string }[] = await this.dataSource.query('SELECT display_name AS "displayName" FROM app_user WHERE id = $1', [
      userId,
    ]);
    return rows[0]?.displayName ?? null;
  }

  async profile(userId: string): Promise<OwnProfile | null> {
    const rows: OwnProfile[] = await this.dataSource.query(OWN_PROFILE_SQL, [userId]);
    return rows[0] ?? null;
  }

  /** Active people whose handle or name starts with the text, for mention suggestions. */
  async handlesStartingWith(prefix: string, limit: number): Promise<{ handle: string; displayName: string }[]> {
    const pattern = `${prefix.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.dataSource.query(
      `SELECT handle, display_name AS "displayName" FROM app_user
       WHERE status = 'active' AND (handle LIKE $1 OR lower(display_name) LIKE $1) ORDER BY handle LIMIT $2`,
      [pattern, limit],
    );
  }

  /** Directory rows ordered by name then id; keyset-paginated so concurrent joins never shift pages. */
  async directory(query: DirectoryQuery): Promise<UserEntity[]> {
    const qb = this.repo().createQueryBuilder('u');
    if (query.includeDeactivatedOf === 'all') {
      // admins see everyone
    } else if (query.includeDeactivatedOf) {
      qb.andWhere("(u.status = 'active' OR u.institution_id = :ownSchool)", { ownSchool: query.includeDeactivatedOf });
    } else {
      qb.andWhere("u.status = 'active'");
    }
    if (query.text) {
      qb.andWhere("(u.display_name ILIKE :text ESCAPE '\\' OR array_to_string(u.expertise, ' ') ILIKE :text ESCAPE '\\')", {
        text: `%${query.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    }
    if (query.institutionId) qb.andWhere('u.institution_id = :institutionId', { institutionId: query.institutionId });
    if (query.schoolRole) qb.andWhere('u.school_role = :schoolRole', { schoolRole: query.schoolRole });
    if (query.expertise) {
      qb.andWhere('EXISTS (SELECT 1 FROM unnest(u.expertise) e WHERE lower(e) = lower(:expertise))', {
        expertise: query.expertise,
      });
    }
    if (query.cohortId) {
      qb.andWhere('EXISTS (SELECT 1 FROM cohort_member m WHERE m.user_id = u.id AND m.cohort_id = :cohortId)', {
        cohortId: query.cohortId,
      });
    }
    if (query.groupId) {
      qb.andWhere('EXISTS (SELECT 1 FROM group_member m WHERE m.user_id = u.id AND m.group_id = :groupId)', {
        groupId: query.groupId,
      });
    }
    if (query.after) {
      // The cursor holds the raw name and PostgreSQL lowers it: JavaScript's toLowerCase differs (e.g. for "İ").
      qb.andWhere('(lower(u.display_name), u.id) > (lower(:afterKey), :afterId)', {
        afterKey: query.after.key,
        afterId: query.after.id,
      });
    }
    return qb
      .orderBy('lower(u.display_name)')
      .addOrderBy('u.id')
      .limit(query.limit + 1)
      .getMany();
  }
}
