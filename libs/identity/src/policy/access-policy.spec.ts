import type { Actor } from './actor';
import { AccessPolicy } from './access-policy';
import { ACTIONS, PERMISSIONS, type Action } from './permissions';
import { CONSORTIUM, cohortScope, groupScope, institutionScope, type ScopeKey } from './scope';

/*
 * The whole permission model as literal tables. Changing a rule in the policy must change a cell here,
 * so a reviewer sees exactly who gained or lost what.
 */

const Y = true;
const N = false;

const SCHOOL_A = 'school-a';
const SCHOOL_B = 'school-b';
const COHORT_A1 = 'cohort-a1';
const COHORT_A2 = 'cohort-a2';
const COHORT_B1 = 'cohort-b1';
const GROUP_GA = 'group-ga';
const GROUP_GA2 = 'group-ga2';
const GROUP_GB = 'group-gb';
/** A consortium-wide group: it belongs to no school, so only its members (and admins/facilitators) see it. */
const GROUP_GC = 'group-gc';

const actor = (overrides: Partial<Actor> & Pick<Actor, 'userId'>): Actor => ({
  platformRole: 'member',
  institutionId: null,
  schoolLead: false,
  cohortIds: [],
  groupIds: [],
  ledCohortIds: [],
  ledGroupIds: [],
  ...overrides,
});

const ACTORS = {
  admin: actor({ userId: 'admin', platformRole: 'admin' }),
  facilitator: actor({ userId: 'facilitator', platformRole: 'facilitator' }),
  leadA: actor({
    userId: 'lead-a',
    institutionId: SCHOOL_A,
    schoolLead: true,
    ledCohortIds: [COHORT_A1, COHORT_A2],
    ledGroupIds: [GROUP_GA, GROUP_GA2],
  }),
  memberA: actor({ userId: 'member-a', institutionId: SCHOOL_A, cohortIds: [COHORT_A1], groupIds: [GROUP_GA] }),
  memberB: actor({ userId: 'member-b', institutionId: SCHOOL_B, cohortIds: [COHORT_B1], groupIds: [GROUP_GB, GROUP_GC] }),
  noSchool: actor({ userId: 'no-school' }),
} satisfies Record<string, Actor>;

type Role = keyof typeof ACTORS;
const ROLES = Object.keys(ACTORS) as Role[];

const SCOPES = [
  CONSORTIUM,
  institutionScope(SCHOOL_A),
  institutionScope(SCHOOL_B),
  cohortScope(COHORT_A1),
  cohortScope(COHORT_A2),
  cohortScope(COHORT_B1),
  groupScope(GROUP_GA),
  groupScope(GROUP_GA2),
  groupScope(GROUP_GB),
  groupScope(GROUP_GC),
] as const;

// prettier-ignore
const READABLE: Record<Role, readonly boolean[]> = {
  //             consortium inst:A inst:B cohort:A1 cohort:A2 cohort:B1 group:GA group:GA2 group:GB group:GC
  admin:       [ Y,         Y,     Y,     Y,        Y,        Y,        Y,       Y,        Y,       Y ],
  facilitator: [ Y,         Y,     Y,     Y,        Y,        Y,        Y,       Y,        Y,       Y ],
  leadA:       [ Y,         Y,     N,     Y,        Y,        N,        Y,       Y,        N,       N ],
  memberA:     [ Y,         Y,     N,     Y,        N,        N,        Y,       N,        N,       N ],
  memberB:     [ Y,         N,     Y,     N,        N,        Y,        N,       N,        Y,       Y ],
  noSchool:    [ Y,         N,     N,     N,        N,        N,        N,       N,        N,       N ],
};

const COHORTS = [
  { id: COHORT_A1, institutionId: SCHOOL_A },
  { id: COHORT_A2, institutionId: SCHOOL_A },
  { id: COHORT_B1, institutionId: SCHOOL_B },
];

// A cohort is visible to its whole school, so a member of A sees A2 without belonging to it.
// prettier-ignore
const COHORT_VISIBLE: Record<Role, readonly boolean[]> = {
  //             A1  A2  B1
  admin:       [ Y,  Y,  Y ],
  facilitator: [ Y,  Y,  Y ],
  leadA:       [ Y,  Y,  N ],
  memberA:     [ Y,  Y,  N ],
  memberB:     [ N,  N,  Y ],
  noSchool:    [ N,  N,  N ],
};

const GROUPS = [{ id: GROUP_GA }, { id: GROUP_GA2 }, { id: GROUP_GB }, { id: GROUP_GC }];

// A group is visible to its members and its school's leads only, never to the rest of the school.
// prettier-ignore
const GROUP_VISIBLE: Record<Role, readonly boolean[]> = {
  //             GA  GA2 GB  GC
  admin:       [ Y,  Y,  Y,  Y ],
  facilitator: [ Y,  Y,  Y,  Y ],
  leadA:       [ Y,  Y,  N,  N ],
  memberA:     [ Y,  N,  N,  N ],
  memberB:     [ N,  N,  Y,  Y ],
  noSchool:    [ N,  N,  N,  N ],
};

const TARGET_SCHOOLS = [SCHOOL_A, SCHOOL_B, null] as const;
const schoolName = (id: string | null) => (id === SCHOOL_A ? 'school A' : id === SCHOOL_B ? 'school B' : 'no school');

// Each cell is three letters: allowed on a target of school A, of school B, of no school (consortium-wide).
// prettier-ignore
const ALLOWED: Record<Action, Record<Role, string>> = {
  'institution.create':           { admin: 'YYY', facilitator: 'NNN', leadA: 'NNN', memberA: 'NNN', memberB: 'NNN', noSchool: 'NNN' },
  'institution.update':           { admin: 'YYY', facilitator: 'NNN', leadA: 'YNN', memberA: 'NNN', memberB: 'NNN', noSchool: 'NNN' },
  'institution.delete':           { admin: 'YYY', facilitator: 'NNN', leadA: 'NNN', memberA: 'NNN', memberB: 'NNN', noSchool: 'NNN' },
  'cohort.manage':                { admin: 'YYY', facilitator: 'NNN', leadA: 'YNN', memberA: 'NNN', memberB: 'NNN', noSchool: 'NNN' },
  'group.manage':                 { admin: 'YYY', facilitator: 'NNN', leadA: 'YNN', memberA: 'NNN', memberB: 'NNN', noSchool: 'NNN' },
  'invitation.manage':            { admin: 'YYY', facilitator: 'NNN', leadA: 'YNN', memberA: 'NNN', memberB: 'NNN', noSchool: 'NNN' },
  'invitation.grantPlatformRole': { admin: 'YYY', facilitator: 'NNN', leadA: 'NNN', memberA: 'NNN', memberB: 'NNN', noSchool: 'NNN' },
  'invitation.grantSchoolLead':   { admin: 'YYY', facilitator: 'NNN', leadA: 'YNN', memberA: 'NNN', memberB: 'NNN', noSchool: 'NNN' },
  'member.manage':                { admin: 'YYY', facilitator: 'NNN', leadA: 'YNN', memberA: 'NNN', memberB: 'NNN', noSchool: 'NNN' },
  'member.setPlatformRole':       { admin: 'YYY', facilitator: 'NNN', leadA: 'NNN', memberA: 'NNN', memberB: 'NNN', noSchool: 'NNN' },
  'member.setSchoolLead':         { admin: 'YYY', facilitator: 'NNN', leadA: 'YNN', memberA: 'NNN', memberB: 'NNN', noSchool: 'NNN' },
  'member.viewEmail':             { admin: 'YYY', facilitator: 'NNN', leadA: 'YNN', memberA: 'NNN', memberB: 'NNN', noSchool: 'NNN' },
  'space.manage':                 { admin: 'YYY', facilitator: 'NNN', leadA: 'YNN', memberA: 'NNN', memberB: 'NNN', noSchool: 'NNN' },
  'room.manage':                  { admin: 'YYY', facilitator: 'YYY', leadA: 'YNN', memberA: 'NNN', memberB: 'NNN', noSchool: 'NNN' },
  'knowledge.curate':             { admin: 'YYY', facilitator: 'YYY', leadA: 'YNN', memberA: 'NNN', memberB: 'NNN', noSchool: 'NNN' },
  'program.manage':               { admin: 'YYY', facilitator: 'NNN', leadA: 'NNN', memberA: 'NNN', memberB: 'NNN', noSchool: 'NNN' },
  'program.facilitate':           { admin: 'YYY', facilitator: 'YYY', leadA: 'YNN', memberA: 'NNN', memberB: 'NNN', noSchool: 'NNN' },
  'assessment.schoolResults':     { admin: 'YYY', facilitator: 'YYY', leadA: 'YNN', memberA: 'NNN', memberB: 'NNN', noSchool: 'NNN' },
  'assessment.export':            { admin: 'YYY', facilitator: 'NNN', leadA: 'YNN', memberA: 'NNN', memberB: 'NNN', noSchool: 'NNN' },
  'change.manage':                { admin: 'YYY', facilitator: 'NNN', leadA: 'YNN', memberA: 'NNN', memberB: 'NNN', noSchool: 'NNN' },
};

const readRows = ROLES.flatMap((role) => SCOPES.map((scope, i) => ({ role, scope, readable: READABLE[role][i] })));
const cohortRows = ROLES.flatMap((role) => COHORTS.map((cohort, i) => ({ role, cohort, visible: COHORT_VISIBLE[role][i] })));
const groupRows = ROLES.flatMap((role) => GROUPS.map((group, i) => ({ role, group, visible: GROUP_VISIBLE[role][i] })));
const actionRows = (Object.keys(ALLOWED) as Action[]).flatMap((action) =>
  ROLES.flatMap((role) =>
    TARGET_SCHOOLS.map((institutionId, i) => ({
      action,
      role,
      institutionId,
      school: schoolName(institutionId),
      allowed: ALLOWED[action][role][i] === 'Y',
    })),
  ),
);

describe('the expectation tables themselves', () => {
  it('has a row for every action in PERMISSIONS and none that PERMISSIONS lacks (add a row when adding an action)', () => {
    expect(Object.keys(ALLOWED).sort()).toEqual([...ACTIONS].sort());
    expect([...ACTIONS].sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  it('gives every role one cell per scope, cohort, group and target school', () => {
    for (const role of ROLES) {
      expect(READABLE[role]).toHaveLength(SCOPES.length);
      expect(COHORT_VISIBLE[role]).toHaveLength(COHORTS.length);
      expect(GROUP_VISIBLE[role]).toHaveLength(GROUPS.length);
      for (const action of ACTIONS) expect(ALLOWED[action]?.[role]).toMatch(/^[YN]{3}$/);
    }
  });
});

describe('AccessPolicy.canRead: who may read which scope', () => {
  it.each(readRows)('$role reading $scope → $readable', ({ role, scope, readable }) => {
    expect(AccessPolicy.canRead(ACTORS[role], scope)).toBe(readable);
  });
});

describe('AccessPolicy.can: who may take which action on which school', () => {
  it.each(actionRows)('$role doing $action on $school → $allowed', ({ role, action, institutionId, allowed }) => {
    expect(AccessPolicy.can(ACTORS[role], action, institutionId)).toBe(allowed);
  });

  it.each(ACTIONS)('does not let a school-lead flag without a school do %s on a consortium-wide target', (action) => {
    // Both sides being null must not count as "leads this school".
    const orphanLead = actor({ userId: 'orphan-lead', schoolLead: true });
    expect(AccessPolicy.can(orphanLead, action, null)).toBe(false);
    expect(AccessPolicy.can(orphanLead, action, SCHOOL_A)).toBe(false);
  });

  it.each(ACTIONS)('does not let a lead of school B do %s on school A', (action) => {
    const leadB = actor({ userId: 'lead-b', institutionId: SCHOOL_B, schoolLead: true });
    expect(AccessPolicy.can(leadB, action, SCHOOL_A)).toBe(false);
  });
});

describe('AccessPolicy.canSeeCohort', () => {
  it.each(cohortRows)('$role seeing $cohort.id → $visible', ({ role, cohort, visible }) => {
    expect(AccessPolicy.canSeeCohort(ACTORS[role], cohort)).toBe(visible);
  });
});

describe('AccessPolicy.canSeeGroup', () => {
  it.each(groupRows)('$role seeing $group.id → $visible', ({ role, group, visible }) => {
    expect(AccessPolicy.canSeeGroup(ACTORS[role], group)).toBe(visible);
  });
});

describe('AccessPolicy.canSeeInstitution', () => {
  it.each(ROLES)('lets %s see that schools take part (schools are listed consortium-wide)', (role) => {
    expect(AccessPolicy.canSeeInstitution(ACTORS[role])).toBe(true);
  });
});

describe('AccessPolicy.readableScopes', () => {
  const sorted = (keys: readonly ScopeKey[]) => [...keys].sort();

  it.each(['admin', 'facilitator'] as const)('gives %s everything with no explicit list', (role) => {
    expect(AccessPolicy.readableScopes(ACTORS[role])).toEqual({ everything: true, keys: [] });
  });

  it.each<[Role, ScopeKey[]]>([
    [
      'leadA',
      [
        CONSORTIUM,
        institutionScope(SCHOOL_A),
        cohortScope(COHORT_A1),
        cohortScope(COHORT_A2),
        groupScope(GROUP_GA),
        groupScope(GROUP_GA2),
      ],
    ],
    ['memberA', [CONSORTIUM, institutionScope(SCHOOL_A), cohortScope(COHORT_A1), groupScope(GROUP_GA)]],
    ['memberB', [CONSORTIUM, institutionScope(SCHOOL_B), cohortScope(COHORT_B1), groupScope(GROUP_GB), groupScope(GROUP_GC)]],
    ['noSchool', [CONSORTIUM]],
  ])('lists exactly the scopes of %s', (role, keys) => {
    const scopes = AccessPolicy.readableScopes(ACTORS[role]);
    expect(scopes.everything).toBe(false);
    expect(sorted(scopes.keys)).toEqual(sorted(keys));
  });

  it('lists a cohort or group once when a lead is also a member of it', () => {
    const leadAndMember = actor({
      ...ACTORS.leadA,
      cohortIds: [COHORT_A1],
      groupIds: [GROUP_GA],
    });
    const keys = AccessPolicy.readableScopes(leadAndMember).keys;
    expect(keys).toHaveLength(new Set(keys).size);
    expect(sorted(keys)).toEqual(sorted(AccessPolicy.readableScopes(ACTORS.leadA).keys));
  });

  it('agrees with canRead for every role and scope', () => {
    for (const role of ROLES) {
      const scopes = AccessPolicy.readableScopes(ACTORS[role]);
      for (const scope of SCOPES) {
        expect(scopes.everything || scopes.keys.includes(scope)).toBe(AccessPolicy.canRead(ACTORS[role], scope));
      }
    }
  });
});
