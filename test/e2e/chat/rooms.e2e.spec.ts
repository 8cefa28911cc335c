import { buildSpace } from '@app/testing';
import { startTestApp, type TestApp } from '../../support/test-app';
import { API, chatWorld, createRoom, type ChatWorld } from './chat-support';

let t: TestApp;
let w: ChatWorld;
beforeAll(async () => {
  t = await startTestApp();
  w = await chatWorld(t);
});
afterAll(() => t.close());

describe('Chats for Change rooms over HTTP', () => {
  it('links a room to a forum space of the same scope', async () => {
    const space = await buildSpace(t.db, { scopeKey: `inst:${w.schoolA.id}` });
    const other = await buildSpace(t.db, { scopeKey: 'consortium' });
    const linked = await w.facilitator.client.post(`${API}/rooms`, { title: 'Linked', scope: `inst:${w.schoolA.id}`, spaceId: space.id });
    expect([linked.status, linked.body.spaceId]).toEqual([201, space.id]);
    const mismatched = await w.facilitator.client.post(`${API}/rooms`, { title: 'Linked', scope: `inst:${w.schoolA.id}`, spaceId: other.id });
    expect(mismatched.status).toBe(400);
  });

  it('lets a facilitator open a room in a school, seen by that school and nobody outside it', async () => {
    const room = await createRoom(w, { title: 'Naming racism in assessment', retentionDays: 30, startsAt: '2026-12-01T15:00:00.000Z', endsAt: '2026-12-01T16:30:00.000Z' });
    const seen = await w.ada.client.get(`${API}/rooms/${room.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ title: 'Naming racism in assessment', state: 'open', retentionDays: 30, isFacilitator: false, lastSeq: 0 });
    expect((await w.ada.client.get(`${API}/rooms`)).body.items.map((r: any) => r.id)).toContain(room.id);

    const outside = await w.outsider.client.get(`${API}/rooms/${room.id}`);
    expect([outside.status, outside.body.code]).toEqual([404, 'NOT_FOUND']);
    expect((await w.outsider.client.get(`${API}/rooms`)).body.items.map((r: any) => r.id)).not.toContain(room.id);
    expect((await w.outsider.client.get(`${API}/rooms/${room.id}/messages`)).status).toBe(404);
  });

  it('refuses members who try to open a room (403) and bad input (400), writing nothing', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM chat_room');
    expect((await w.ada.client.post(`${API}/rooms`, { title: 'Mine', scope: `inst:${w.schoolA.id}` })).status).toBe(403);
    for (const body of [{ title: '  ', scope: 'consortium' }, { title: 'x'.repeat(201), scope: 'consortium' }, { title: 'Ok', scope: 'planet' }, { title: 'Ok', scope: 'consortium', retentionDays: 0 }]) {
      const response = await w.facilitator.client.post(`${API}/rooms`, body);
      expect([response.status, response.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const backwards = await w.facilitator.client.post(`${API}/rooms`, { title: 'Ok', scope: 'consortium', startsAt: '2026-12-01T16:00:00.000Z', endsAt: '2026-12-01T15:00:00.000Z' });
    expect(backwards.status).toBe(400);
    const unknownSpace = await w.facilitator.client.post(`${API}/rooms`, { title: 'Ok', scope: 'consortium', spaceId: '00000000-0000-4000-8000-000000000000' });
    expect([unknownSpace.status, unknownSpace.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await t.db.query('SELECT count(*)::int AS n FROM chat_room')).toEqual(before);
  });

  it('versions the agreements: a new version asks again', async () => {
    const room = await createRoom(w, { agreement: 'Speak from your own experience.' });
    const agreement = await w.ada.client.get(`${API}/rooms/${room.id}/agreement`);
    expect(agreement.body).toMatchObject({ version: 1, body: 'Speak from your own experience.' });
    expect((await w.ada.client.post(`${API}/rooms/${room.id}/agreement/accept`, { version: 1 })).status).toBe(200);
    expect((await w.ada.client.get(`${API}/rooms/${room.id}`)).body.acceptedAgreementVersion).toBe(1);
    expect((await w.ada.client.post(`${API}/rooms/${room.id}/agreement`, { body: 'Members may not publish' })).body.code).toBe('FACILITATORS_ONLY');
    expect((await w.facilitator.client.post(`${API}/rooms/${room.id}/agreement`, { body: 'Speak from your own experience. Expect and accept non-closure.' })).body).toEqual({ version: 2 });
    const after = (await w.ada.client.get(`${API}/rooms/${room.id}`)).body;
    expect([after.agreementVersion, after.acceptedAgreementVersion]).toEqual([2, 1]);
    expect((await w.ada.client.post(`${API}/rooms/${room.id}/agreement/accept`, { version: 1 })).body.code).toBe('AGREEMENT_OUTDATED');
  });

  it('changes state only by facilitators, with the reason said in the room and written to the audit log', async () => {
    const room = await createRoom(w);
    expect((await w.ada.client.post(`${API}/rooms/${room.id}/state`, { state: 'paused' })).body.code).toBe('FACILITATORS_ONLY');
    const paused = await w.facilitator.client.post(`${API}/rooms/${room.id}/state`, { state: 'paused', reason: 'Let us take a breath' });
    expect(paused.status).toBe(200);
    expect(paused.body.state).toBe('paused');
    const history = await w.ada.client.get(`${API}/rooms/${room.id}/messages`);
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0]).toMatchObject({ seq: 1, kind: 'system' });
    expect(history.body.items[0].html).toContain('Let us take a breath');
    const audit = await t.db.query(`SELECT data FROM audit_entry WHERE action = 'room.state' AND target_id = $1`, [room.id]);
    expect(audit[0].data).toEqual({ state: 'paused', reason: 'Let us take a breath' });
    expect((await w.facilitator.client.post(`${API}/rooms/${room.id}/state`, { state: 'slow' })).status).toBe(400);
  });

  it('runs a session through its stages, each said in the room', async () => {
    const room = await createRoom(w);
    const started = await w.facilitator.client.post(`${API}/rooms/${room.id}/sessions`, { checkInPrompt: 'One word for how you arrive' });
    expect(started.status).toBe(201);
    expect(started.body.session).toMatchObject({ number: 1, stage: 'check_in', checkInPrompt: 'One word for how you arrive' });
    expect((await w.facilitator.client.post(`${API}/rooms/${room.id}/sessions`, {})).status).toBe(409);
    const framing = await w.facilitator.client.put(`${API}/rooms/${room.id}/stage`, { stage: 'framing', timerSeconds: 600 });
    expect(framing.body.session.stage).toBe('framing');
    expect(framing.body.session.timerEndsAt).toEqual(expect.any(String));
    expect((await w.ada.client.put(`${API}/rooms/${room.id}/stage`, { stage: 'closed' })).status).toBe(403);
    await w.facilitator.client.put(`${API}/rooms/${room.id}/stage`, { stage: 'closed' });
    expect((await w.ada.client.get(`${API}/rooms/${room.id}`)).body.session).toBeNull();
    const sessions = await w.ada.client.get(`${API}/rooms/${room.id}/sessions`);
    expect(sessions.body.items[0].endedAt).toEqual(expect.any(String));
  });
});

describe('sessions as the room list and the room show them', () => {
  it('lists a live room with its session, and asks each reader to re-affirm the agreements once per session', async () => {
    const room = await createRoom(w, { agreement: 'Speak from your own experience.' });
    await w.ada.client.post(`${API}/rooms/${room.id}/agreement/accept`, { version: 1 });
    const before = (await w.ada.client.get(`${API}/rooms`)).body.items.find((r: any) => r.id === room.id);
    expect(before.session).toBeNull();
    expect((await w.ada.client.get(`${API}/rooms/${room.id}`)).body.reaffirmedThisSession).toBeNull();

    await w.facilitator.client.post(`${API}/rooms/${room.id}/sessions`, { checkInPrompt: 'One word' });
    const listed = (await w.ada.client.get(`${API}/rooms`)).body.items.find((r: any) => r.id === room.id);
    expect(listed.session).toMatchObject({ number: 1, stage: 'check_in', checkInPrompt: 'One word', endedAt: null });
    expect((await w.ada.client.get(`${API}/rooms/${room.id}`)).body).toMatchObject({ acceptedAgreementVersion: 1, reaffirmedThisSession: false });
    expect((await w.ada.client.post(`${API}/rooms/${room.id}/agreement/accept`, { version: 1 })).status).toBe(200);
    expect((await w.ada.client.get(`${API}/rooms/${room.id}`)).body.reaffirmedThisSession).toBe(true);
    expect((await w.ben.client.get(`${API}/rooms/${room.id}`)).body.reaffirmedThisSession).toBe(false);

    // The next session asks again.
    await w.facilitator.client.put(`${API}/rooms/${room.id}/stage`, { stage: 'closed' });
    expect((await w.ada.client.get(`${API}/rooms`)).body.items.find((r: any) => r.id === room.id).session).toBeNull();
    await w.facilitator.client.post(`${API}/rooms/${room.id}/sessions`, {});
    expect((await w.ada.client.get(`${API}/rooms/${room.id}`)).body).toMatchObject({ session: { number: 2 }, reaffirmedThisSession: false });
    // Nobody outside the room's scope learns that it is live.
    expect((await w.outsider.client.get(`${API}/rooms`)).body.items.map((r: any) => r.id)).not.toContain(room.id);
  });
});

describe('room facilitators', () => {
  it('are handed on by a facilitator, must belong to the scope, and are never nobody', async () => {
    const room = await createRoom(w);
    const path = `${API}/rooms/${room.id}/facilitators`;
    expect((await w.ada.client.put(path, { userIds: [w.ada.id] })).status).toBe(403);
    expect((await w.facilitator.client.put(path, { userIds: [] })).status).toBe(400);
    expect((await w.facilitator.client.put(path, { userIds: [w.outsider.id] })).status).toBe(400);
    const handed = await w.facilitator.client.put(path, { userIds: [w.ben.id] });
    expect(handed.status).toBe(200);
    expect((await w.ben.client.get(`${API}/rooms/${room.id}`)).body.isFacilitator).toBe(true);
    expect((await w.facilitator.client.post(`${API}/rooms/${room.id}/state`, { state: 'paused' })).status).toBe(403);
  });
});
