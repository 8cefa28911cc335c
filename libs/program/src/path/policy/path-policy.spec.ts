import type { Actor } from '@app/identity';
import { isOverdue, PathPolicy } from './path-policy';

const actor = (overrides: Partial<Actor>): Actor => ({
  userId: 'u',
  platformRole: 'member',
  institutionId: null,
  schoolLead: false,
  cohortIds: [],
  groupIds: [],
  ledCohortIds: [],
  ledGroupIds: [],
  ...overrides,
});
const cohortA = { id: 'cohort-a', institutionId: 'school-a' };

describe('isOverdue', () => {
  const today = '2026-03-10';
  it.each([
    [{ required: true, status: 'not_started', dueOn: '2026-03-09' }, true],
    [{ required: true, status: 'in_progress', dueOn: '2026-03-09' }, true],
    [{ required: true, status: 'not_started', dueOn: '2026-03-10' }, false],
    [{ required: true, status: 'done', dueOn: '2026-03-01' }, false],
    [{ required: false, status: 'not_started', dueOn: '2026-03-01' }, false],
    [{ required: true, status: 'not_started', dueOn: null }, false],
  ] as const)('%j → %s', (item, expected) => expect(isOverdue(item, today)).toBe(expected));
});

describe('PathPolicy.canReadResponse', () => {
  const author = actor({ userId: 'author', institutionId: 'school-a', cohortIds: ['cohort-a'] });
  const peer = actor({ userId: 'peer', institutionId: 'school-a', cohortIds: ['cohort-a'] });
  const leadA = actor({ userId: 'lead-a', institutionId: 'school-a', schoolLead: true, ledCohortIds: ['cohort-a'] });
  const leadB = actor({ userId: 'lead-b', institutionId: 'school-b', schoolLead: true });
  const facilitator = actor({ userId: 'f', platformRole: 'facilitator' });
  const unshared = { authorId: 'author', sharedWithCohort: false };
  const shared = { authorId: 'author', sharedWithCohort: true };

  it('lets the author, the cohort’s facilitators and school lead read an unshared response, and no peer', () => {
    expect(PathPolicy.canReadResponse(author, unshared, cohortA, false)).toBe(true);
    expect(PathPolicy.canReadResponse(leadA, unshared, cohortA, false)).toBe(true);
    expect(PathPolicy.canReadResponse(facilitator, unshared, cohortA, false)).toBe(true);
    expect(PathPolicy.canReadResponse(peer, unshared, cohortA, true)).toBe(false);
  });

  it('lets peers of the cohort read a shared response, and nobody else', () => {
    expect(PathPolicy.canReadResponse(peer, shared, cohortA, true)).toBe(true);
    expect(PathPolicy.canReadResponse(actor({ userId: 'x', institutionId: 'school-a' }), shared, cohortA, false)).toBe(false);
    expect(PathPolicy.canReadResponse(leadB, shared, cohortA, false)).toBe(false);
  });

  it('lets only admins manage content, and only assessments complete themselves', () => {
    expect(PathPolicy.canManageContent(actor({ platformRole: 'admin' }))).toBe(true);
    expect(PathPolicy.canManageContent(facilitator)).toBe(false);
    expect(PathPolicy.canManageContent(leadA)).toBe(false);
    expect(PathPolicy.completesByHand('assessment')).toBe(false);
    expect(PathPolicy.completesByHand('activity')).toBe(true);
  });
});
