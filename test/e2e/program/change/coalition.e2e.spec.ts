import { startTestApp, type TestApp } from '../../../support/test-app';
import {
  API,
  buildWorld,
  changeRowCounts,
  count,
  createCoalitionGroup,
  createTarget,
  daysFrom,
  expectStatus,
  ok,
  person,
  PROGRAM,
  setCoalitionMember,
  today,
  type World,
} from './change-support';

const newTarget = (t: TestApp, ownerId: string) => ({ title: 'Coalition target', ownerId, sphere: 'governance', category: 'relational', startsOn: today(t), dueOn: daysFrom(t, 60) });

describe('the guiding coalition: one-year terms, one chair, and the right to change targets', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t?.close());

  const coalition = () => ok(w.memberA.client.get(`${PROGRAM}/schools/${w.schoolA.id}/coalition`));
  const membersOf = async () => (await coalition()).groups.flatMap((g: { members: object[] }) => g.members);

  it('a lead puts members on the coalition for a year from the date given; one chair at a time', async () => {
    expect(await coalition()).toMatchObject({ school: { id: w.schoolA.id }, groups: [], can: { manage: false } });

    // The school has no coalition yet: the first member brings one into being.
    const first = await ok(setCoalitionMember(w.leadA.client, w.schoolA.id, w.memberA.id, { termStartsOn: '2028-02-29', chair: true }));
    expect(first.groups).toHaveLength(1);
    expect(first.groups[0]).toMatchObject({ name: 'Guiding coalition', members: [{ user: { id: w.memberA.id }, termStartsOn: '2028-02-29', termEndsOn: '2029-02-28', chair: true, active: false }] });
    expect(first.can).toEqual({ manage: true });
    const [group] = await t.db.query(`SELECT kind, institution_id AS "institutionId" FROM "group" WHERE id = $1`, [first.groups[0].id]);
    expect(group).toEqual({ kind: 'guiding_coalition', institutionId: w.schoolA.id });

    await ok(setCoalitionMember(w.leadA.client, w.schoolA.id, w.memberA.id, { termStartsOn: today(t) }));
    await ok(setCoalitionMember(w.leadA.client, w.schoolA.id, w.otherA.id, { termStartsOn: daysFrom(t, -30), chair: true }));
    const members = await membersOf();
    expect(members).toEqual([
      { user: { id: w.otherA.id, displayName: w.otherA.displayName }, termStartsOn: daysFrom(t, -30), termEndsOn: expect.any(String), chair: true, active: true },
      { user: { id: w.memberA.id, displayName: w.memberA.displayName }, termStartsOn: today(t), termEndsOn: expect.any(String), chair: false, active: true },
    ]);
    expect(await count(t, 'SELECT count(*) FROM group_member WHERE group_id = $1 AND chair', [first.groups[0].id])).toBe(1);

    // Changing a term without saying `chair` keeps the chair where it is.
    await ok(setCoalitionMember(w.leadA.client, w.schoolA.id, w.otherA.id, { termStartsOn: daysFrom(t, -20) }));
    expect((await membersOf()).find((m: { user: { id: string } }) => m.user.id === w.otherA.id)).toMatchObject({ chair: true });
  });

  it('refuses people of other schools, bad dates and unknown fields, and writes nothing', async () => {
    const before = await changeRowCounts(t);
    expect((await expectStatus(setCoalitionMember(w.leadA.client, w.schoolA.id, w.memberB.id, { termStartsOn: today(t) }), 400)).code).toBe('NOT_IN_SCHOOL');
    expect((await expectStatus(setCoalitionMember(w.leadA.client, w.schoolA.id, w.memberA.id, { termStartsOn: 'next week' }), 400)).code).toBe('VALIDATION_FAILED');
    expect((await expectStatus(setCoalitionMember(w.leadA.client, w.schoolA.id, w.memberA.id, { termStartsOn: today(t), termEndsOn: today(t) }), 400)).code).toBe('VALIDATION_FAILED');
    expect((await expectStatus(setCoalitionMember(w.leadB.client, w.schoolA.id, w.memberA.id, { termStartsOn: today(t) }), 404)).code).toBe('NOT_FOUND');
    expect(await changeRowCounts(t)).toEqual(before);
  });

  it('a member serving today writes the school’s targets; before or after the term they may not', async () => {
    const serving = await person(t, { institutionId: w.schoolA.id });
    const target = await createTarget(t, w.leadA.client, w.schoolA.id, w.memberA.id);
    expect((await serving.client.post(`${PROGRAM}/schools/${w.schoolA.id}/targets`, newTarget(t, serving.id))).status).toBe(403);

    await ok(setCoalitionMember(w.leadA.client, w.schoolA.id, serving.id, { termStartsOn: today(t) }));
    const created = await ok(serving.client.post(`${PROGRAM}/schools/${w.schoolA.id}/targets`, newTarget(t, serving.id)));
    expect(created.can).toEqual({ edit: true });
    await ok(serving.client.patch(`${PROGRAM}/targets/${target.id}`, { status: 'achieved' }));
    expect(await ok(serving.client.get(`${PROGRAM}/schools/${w.schoolA.id}/dashboard`))).toMatchObject({ can: { edit: true } });

    // A term that ended (exactly a year after it started) or has not begun gives no rights.
    await ok(setCoalitionMember(w.leadA.client, w.schoolA.id, serving.id, { termStartsOn: daysFrom(t, -366) }));
    expect((await serving.client.patch(`${PROGRAM}/targets/${target.id}`, { status: 'planned' })).status).toBe(403);
    await ok(setCoalitionMember(w.leadA.client, w.schoolA.id, serving.id, { termStartsOn: daysFrom(t, 1) }));
    expect((await serving.client.patch(`${PROGRAM}/targets/${target.id}`, { status: 'planned' })).status).toBe(403);
    expect((await membersOf()).find((m: { user: { id: string } }) => m.user.id === serving.id)).toMatchObject({ active: false });

    // Removed from the coalition, they lose the right again; removing twice is 404.
    await ok(setCoalitionMember(w.leadA.client, w.schoolA.id, serving.id, { termStartsOn: today(t) }));
    await ok(serving.client.patch(`${PROGRAM}/targets/${target.id}`, { status: 'planned' }));
    await expectStatus(w.leadA.client.delete(`${PROGRAM}/schools/${w.schoolA.id}/coalition/members/${serving.id}`), 204);
    expect((await serving.client.patch(`${PROGRAM}/targets/${target.id}`, { status: 'in_progress' })).status).toBe(403);
    await expectStatus(w.leadA.client.delete(`${PROGRAM}/schools/${w.schoolA.id}/coalition/members/${serving.id}`), 404);
  });

  it('someone added through the groups API without a term serves until removed', async () => {
    const [{ id: groupId }] = await t.db.query(`SELECT id FROM "group" WHERE institution_id = $1 AND kind = 'guiding_coalition'`, [w.schoolA.id]);
    const plain = await person(t, { institutionId: w.schoolA.id });
    await expectStatus(w.leadA.client.post(`${API}/groups/${groupId}/members`, { userId: plain.id }), 204);
    expect((await membersOf()).find((m: { user: { id: string } }) => m.user.id === plain.id)).toMatchObject({ termStartsOn: null, termEndsOn: null, chair: false, active: true });
    await ok(plain.client.post(`${PROGRAM}/schools/${w.schoolA.id}/targets`, newTarget(t, plain.id)));
  });

  it('with two coalitions the lead names the one to use', async () => {
    const second = await createCoalitionGroup(w.leadA.client, w.schoolA.id, 'Clinical coalition');
    const member = await person(t, { institutionId: w.schoolA.id });
    const ambiguous = await expectStatus(setCoalitionMember(w.leadA.client, w.schoolA.id, member.id, { termStartsOn: today(t) }), 400);
    expect(ambiguous.details).toEqual([expect.objectContaining({ field: 'groupId' })]);
    const result = await ok(setCoalitionMember(w.leadA.client, w.schoolA.id, member.id, { termStartsOn: today(t), chair: true, groupId: second.id }));
    const clinical = result.groups.find((g: { id: string }) => g.id === second.id);
    expect(clinical.members).toEqual([expect.objectContaining({ user: expect.objectContaining({ id: member.id }), chair: true })]);
    // Each coalition has its own chair.
    expect(await count(t, `SELECT count(*) FROM group_member m JOIN "group" g ON g.id = m.group_id WHERE g.institution_id = $1 AND m.chair`, [w.schoolA.id])).toBe(2);
    // A group of another school is not one of this school's coalitions.
    const elsewhere = await createCoalitionGroup(w.leadB.client, w.schoolB.id);
    await expectStatus(setCoalitionMember(w.leadA.client, w.schoolA.id, member.id, { termStartsOn: today(t), groupId: elsewhere.id }), 404);
  });
});
