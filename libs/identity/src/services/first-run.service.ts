import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '@app/core';
import { DataSource, type EntityManager } from 'typeorm';
import type { GroupKind, PlatformRole, SchoolRole } from '../entities';
import { CohortRepository, GroupRepository, UserRepository } from '../repositories';
import { PasswordHasher } from './password-hasher';

export const DEMO_EMAIL_DOMAIN = 'demo.art-commons.test';
const DEFAULT_ADMIN_EMAIL = `admin@${DEMO_EMAIL_DOMAIN}`;

interface DemoPerson {
  handle: string;
  name: string;
  pronouns: string;
  school: number | null;
  schoolRole: SchoolRole | null;
  platformRole: PlatformRole;
  schoolLead?: boolean;
  expertise: string[];
  bio: string;
}

const SCHOOLS = [
  { name: 'Riverside School of Medicine', slug: 'riverside', description: 'An urban academic medical centre.' },
  { name: 'Northfield College of Medicine', slug: 'northfield', description: 'A community-based medical school.' },
  { name: 'Lakeshore University Medical School', slug: 'lakeshore', description: 'A research-intensive school.' },
];

const PEOPLE: DemoPerson[] = [
  {
    handle: 'facilitator',
    name: 'Dana Okafor',
    pronouns: 'she/her',
    school: null,
    schoolRole: null,
    platformRole: 'facilitator',
    expertise: ['racial dialogue', 'facilitation'],
    bio: 'Program coach for the consortium.',
  },
  {
    handle: 'coach',
    name: 'Miguel Ortiz',
    pronouns: 'he/him',
    school: null,
    schoolRole: null,
    platformRole: 'facilitator',
    expertise: ['outcome mapping', 'coaching'],
    bio: 'Coaches guiding coalitions.',
  },
  {
    handle: 'lead.riverside',
    name: 'Priya Raman',
    pronouns: 'she/her',
    school: 0,
    schoolRole: 'leadership',
    platformRole: 'member',
    schoolLead: true,
    expertise: ['curriculum reform'],
    bio: 'Associate dean for diversity and inclusion.',
  },
  {
    handle: 'faculty.riverside',
    name: 'James Whitfield',
    pronouns: 'he/him',
    school: 0,
    schoolRole: 'faculty',
    platformRole: 'member',
    expertise: ['health equity', 'assessment'],
    bio: 'Teaches clinical skills.',
  },
  {
    handle: 'student.riverside',
    name: 'Amara Nwosu',
    pronouns: 'she/they',
    school: 0,
    schoolRole: 'student',
    platformRole: 'member',
    expertise: ['student organising'],
    bio: 'Second-year student.',
  },
  {
    handle: 'staff.riverside',
    name: 'Lee Chen',
    pronouns: 'they/them',
    school: 0,
    schoolRole: 'staff',
    platformRole: 'member',
    expertise: ['admissions'],
    bio: 'Admissions coordinator.',
  },
  // Three more of Riverside's cohort, so its readiness results reach the five answers they need to be shown.
  {
    handle: 'dean.riverside',
    name: 'Helen Park',
    pronouns: 'she/her',
    school: 0,
    schoolRole: 'leadership',
    platformRole: 'member',
    expertise: ['medical education', 'accreditation'],
    bio: 'Vice dean for education.',
  },
  {
    handle: 'student2.riverside',
    name: 'Kofi Mensah',
    pronouns: 'he/him',
    school: 0,
    schoolRole: 'student',
    platformRole: 'member',
    expertise: ['peer mentoring'],
    bio: 'Third-year student and peer mentor.',
  },
  {
    handle: 'faculty2.riverside',
    name: 'Ana Souza',
    pronouns: 'she/her',
    school: 0,
    schoolRole: 'faculty',
    platformRole: 'member',
    expertise: ['nephrology', 'curriculum design'],
    bio: 'Nephrologist; co-wrote the race-free renal cases.',
  },
  {
    handle: 'lead.northfield',
    name: 'Rosa Delgado',
    pronouns: 'she/her',
    school: 1,
    schoolRole: 'leadership',
    platformRole: 'member',
    schoolLead: true,
    expertise: ['faculty development'],
    bio: 'Vice dean for education.',
  },
  {
    handle: 'faculty.northfield',
    name: 'Samuel Adeyemi',
    pronouns: 'he/him',
    school: 1,
    schoolRole: 'faculty',
    platformRole: 'member',
    expertise: ['community health'],
    bio: 'Family medicine faculty.',
  },
  {
    handle: 'student.northfield',
    name: 'Hana Yazzie',
    pronouns: 'she/her',
    school: 1,
    schoolRole: 'student',
    platformRole: 'member',
    expertise: ['Indigenous health'],
    bio: 'Third-year student.',
  },
  {
    handle: 'lead.lakeshore',
    name: 'Grace Kim',
    pronouns: 'she/her',
    school: 2,
    schoolRole: 'leadership',
    platformRole: 'member',
    schoolLead: true,
    expertise: ['policy'],
    bio: 'Chief diversity officer.',
  },
  {
    handle: 'student.lakeshore',
    name: 'Tomás Rivera',
    pronouns: 'he/him',
    school: 2,
    schoolRole: 'student',
    platformRole: 'member',
    expertise: ['research'],
    bio: 'MD/PhD student.',
  },
];

export interface FirstRunResult {
  seeded: 'demo' | 'admin' | 'nothing' | 'already';
  adminEmail?: string;
  /** Present only when generated here: printed once, never stored in clear. */
  generatedPassword?: string;
}

/** Gives an empty database its first admin and, unless DEMO=false, a demo consortium to explore. */
@Injectable()
export class FirstRunService {
  private readonly logger = new Logger(FirstRunService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly cohorts: CohortRepository,
    private readonly groups: GroupRepository,
    private readonly hasher: PasswordHasher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(): Promise<FirstRunResult> {
    const [{ count }] = await this.dataSource.query('SELECT count(*)::int AS count FROM app_user');
    if (count > 0) return { seeded: 'already' };
    if (!this.config.demo && !this.config.adminEmail) {
      this.logger.warn('Empty database, DEMO=false and no ADMIN_EMAIL: nobody can sign in yet');
      return { seeded: 'nothing' };
    }
    const generatedPassword = this.config.adminPassword ? undefined : randomBytes(12).toString('base64url');
    const passwordHash = await this.hasher.hash(this.config.adminPassword ?? generatedPassword!);
    const adminEmail = this.config.adminEmail ?? DEFAULT_ADMIN_EMAIL;
    await this.dataSource.transaction(async (manager) => {
      await this.users.create(
        {
          email: adminEmail,
          passwordHash,
          displayName: 'Consortium Admin',
          schoolRole: null,
          platformRole: 'admin',
          institutionId: null,
          schoolLead: false,
          bio: 'Runs the ART Commons platform.',
        },
        manager,
      );
      if (this.config.demo) await this.seedDemo(manager, passwordHash);
    });
    return { seeded: this.config.demo ? 'demo' : 'admin', adminEmail, generatedPassword };
  }

  private async seedDemo(manager: EntityManager, passwordHash: string): Promise<void> {
    const schoolIds: string[] = [];
    for (const school of SCHOOLS) {
      const [row] = await manager.query('INSERT INTO institution (name, slug, description) VALUES ($1, $2, $3) RETURNING id', [
        school.name,
        school.slug,
        school.description,
      ]);
      schoolIds.push(row.id);
    }
    const year = new Date().getFullYear();
    const cohortIds: string[] = [];
    for (const schoolId of schoolIds) {
      const [row] = await manager.query(
        'INSERT INTO cohort (institution_id, name, program_year) VALUES ($1, $2, $3) RETURNING id',
        [schoolId, `Cohort ${year}`, year],
      );
      cohortIds.push(row.id);
    }
    const groupSpecs: { school: number | null; name: string; kind: GroupKind; description: string }[] = [
      {
        school: 0,
        name: 'Riverside Guiding Coalition',
        kind: 'guiding_coalition',
        description: "Leads Riverside's change effort.",
      },
      {
        school: 1,
        name: 'Northfield Guiding Coalition',
        kind: 'guiding_coalition',
        description: "Leads Northfield's change effort.",
      },
      {
        school: null,
        name: 'Curriculum Learning Lab',
        kind: 'learning_lab',
        description: 'A cross-school team learning lab on curriculum.',
      },
    ];
    const groupIds: string[] = [];
    for (const spec of groupSpecs) {
      const [row] = await manager.query(
        'INSERT INTO "group" (institution_id, name, kind, description) VALUES ($1, $2, $3, $4) RETURNING id',
        [spec.school === null ? null : schoolIds[spec.school], spec.name, spec.kind, spec.description],
      );
      groupIds.push(row.id);
    }
    for (const person of PEOPLE) {
      const user = await this.users.create(
        {
          email: `${person.handle}@${DEMO_EMAIL_DOMAIN}`,
          passwordHash,
          displayName: person.name,
          pronouns: person.pronouns,
          schoolRole: person.schoolRole,
          platformRole: person.platformRole,
          institutionId: person.school === null ? null : schoolIds[person.school],
          schoolLead: person.schoolLead ?? false,
          expertise: person.expertise,
          bio: person.bio,
        },
        manager,
      );
      if (person.school !== null) {
        await this.cohorts.addMember(cohortIds[person.school], user.id, manager);
        if (person.school < 2) await this.groups.addMember(groupIds[person.school], user.id, manager);
        if (person.schoolRole === 'faculty' || person.schoolLead) await this.groups.addMember(groupIds[2], user.id, manager);
      }
    }
  }
}
