import { RetentionService } from '@app/chat';
import type { Socket } from 'socket.io-client';
import { personSignedIn, startTestApp, type TestApp } from '../../support/test-app';
import { ack, collect } from '../../support/socket-support';
import { API, chatWorld, clientId, createRoom, joined, type ChatWorld } from './chat-support';

let t: TestApp;
let w: ChatWorld;
const sockets: Socket[] = [];
beforeAll(async () => {
  t = await startTestApp();
  w = await chatWorld(t);
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await t.close();
});

const say = (socket: Socket, roomId: string, body: string, kind?: string) =>
  ack<{ message: any }>(socket, 'chat:send', { roomId, clientId: clientId(), body, ...(kind ? { kind } : {}) });
const stage = (room: { id: string }, body: object) => w.facilitator.client.put(`${API}/rooms/${room.id}/stage`, body);

describe('a whole session: check-in, breakouts, report-out', () => {
  it('splits participants into breakouts they alone can read, and brings everyone back at report-out', async () => {
    const room = await createRoom(w);
    const { socket: a } = await joined(t, w.ada, room, sockets);
    const { socket: b } = await joined(t, w.ben, room, sockets);
    const cara = await personSignedIn(t, { institutionId: w.schoolA.id, displayName: 'Cara Member' });
    const { socket: c } = await joined(t, cara, room, sockets);
    await w.facilitator.client.post(`${API}/rooms/${room.id}/sessions`, { checkInPrompt: 'One word for how you arrive' });
    expect((await say(a, room.id, 'Hopeful', 'check_in')).ok).toBe(true);
    expect((await say(b, room.id, 'Tired', 'check_in')).ok).toBe(true);
    await stage(room, { stage: 'framing' });
    expect(await say(c, room.id, 'Late check-in', 'check_in')).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });

    await stage(room, { stage: 'breakouts', timerSeconds: 900 });
    const notice = collect(a, 'chat:breakouts');
    const made = await w.facilitator.client.post(`${API}/rooms/${room.id}/breakouts`, {
      groups: [
        { title: 'Group one', question: 'Where did you first notice race in the curriculum?', userIds: [w.ada.id, w.ben.id] },
        { title: 'Group two', question: 'What would you change?', userIds: [cara.id] },
      ],
    });
    expect(made.status).toBe(201);
    await notice.waitFor(1);
    const mine = (await w.ada.client.get(`${API}/rooms/${room.id}/breakouts`)).body.items;
    expect(mine).toEqual([{ id: expect.any(String), title: 'Group one', guidingQuestion: 'Where did you first notice race in the curriculum?', mine: true }]);
    const groupOne = mine[0].id;
    const groupTwo = made.body.items.find((item: any) => item.title === 'Group two').id;
    expect((await w.ada.client.get(`${API}/rooms/${groupTwo}`)).status).toBe(404);
    expect(await ack(c, 'chat:join', { roomId: groupOne })).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    const inBreakout = await ack(a, 'chat:join', { roomId: groupOne, afterSeq: 0 });
    expect(inBreakout.ok).toBe(true);
    const heard = collect(b, 'chat:message');
    await ack(b, 'chat:join', { roomId: groupOne, afterSeq: 0 });
    const sent = await say(a, groupOne, 'In my first anatomy lab');
    expect(sent.message.seq).toBe(1);
    expect((await heard.waitFor(1)).map((m) => m.roomId)).toContain(groupOne);

    const back = collect(a, 'chat:breakouts');
    await stage(room, { stage: 'report_out' });
    await back.waitFor(1);
    expect((await w.ada.client.get(`${API}/rooms/${room.id}/breakouts`)).body.items).toEqual([]);
    expect(await say(a, groupOne, 'Still talking?')).toMatchObject({ ok: false, code: 'ROOM_CLOSED' });

    const balance = (await w.facilitator.client.get(`${API}/rooms/${room.id}/participation`)).body;
    expect(balance.items.find((i: any) => i.userId === w.ada.id)).toMatchObject({ messages: 1, characters: 'In my first anatomy lab'.length, messageShare: 1 });
    expect(balance.notYetSpoken.map((p: any) => p.userId).sort()).toEqual([w.ben.id, cara.id].sort());
    expect((await w.ada.client.get(`${API}/rooms/${room.id}/participation`)).status).toBe(403);

    const transcript = (await w.facilitator.client.get(`${API}/rooms/${room.id}/sessions/${balance.sessionId}/transcript`)).body;
    expect(transcript.sections.map((s: any) => s.title)).toEqual([expect.any(String), 'Group one', 'Group two']);
    expect(transcript.sections[1].messages[0]).toMatchObject({ seq: 1, text: 'In my first anatomy lab', author: expect.stringMatching(/^Participant \d+$/) });
    const everything = JSON.stringify(transcript);
    for (const secret of [w.ada.id, 'Ada Member', w.ben.id, 'Ben Member', 'Fran Facilitator', w.facilitator.id]) expect(everything).not.toContain(secret);
    const markdown = await w.facilitator.client.get(`${API}/rooms/${room.id}/sessions/${balance.sessionId}/transcript?format=markdown`);
    expect(markdown.headers['content-type']).toContain('text/markdown');
    expect(markdown.text).toContain('## Breakout: Group one');
    expect(markdown.text).toContain('_Guiding question: Where did you first notice race in the curriculum?_');
    expect(markdown.text).not.toContain('Ada Member');
    expect((await w.ada.client.get(`${API}/rooms/${room.id}/sessions/${balance.sessionId}/transcript`)).status).toBe(403);
  });

  it('splits at random across everyone who joined, each in exactly one breakout', async () => {
    const room = await createRoom(w);
    await joined(t, w.ada, room, sockets);
    await joined(t, w.ben, room, sockets);
    await w.facilitator.client.post(`${API}/rooms/${room.id}/sessions`, {});
    const made = await w.facilitator.client.post(`${API}/rooms/${room.id}/breakouts`, { random: { count: 2, question: 'What surprised you?' } });
    expect(made.status).toBe(201);
    const people = made.body.items.flatMap((item: any) => item.participants.map((p: any) => p.userId)).sort();
    expect(people).toEqual([w.ada.id, w.ben.id].sort());
    expect(made.body.items.every((item: any) => item.guidingQuestion === 'What surprised you?')).toBe(true);
    expect((await w.facilitator.client.post(`${API}/rooms/${room.id}/breakouts`, { random: { count: 5 } })).status).toBe(400);
    expect((await w.facilitator.client.post(`${API}/rooms/${room.id}/breakouts`, { groups: [{ userIds: [w.outsider.id] }] })).status).toBe(400);
    expect((await w.ada.client.post(`${API}/rooms/${room.id}/breakouts`, { random: { count: 1 } })).status).toBe(403);
  });
});

describe('harm reports on messages', () => {
  it('routes a harm report to facilitators and the school lead, hides the reporter from the author, and shows the reporter its status', async () => {
    const lead = await personSignedIn(t, { institutionId: w.schoolA.id, schoolLead: true });
    const room = await createRoom(w);
    const { socket: a } = await joined(t, w.ada, room, sockets);
    const sent = (await say(a, room.id, 'A hurtful remark')).message;
    const flagged = await w.ben.client.post(`${API}/chat-messages/${sent.id}/flags`, { kind: 'harm', note: 'This named my group' });
    expect(flagged.status).toBe(201);
    expect((await w.ben.client.post(`${API}/chat-messages/${sent.id}/flags`, { kind: 'spam' })).body.code).toBe('ALREADY_FLAGGED');
    expect((await w.ada.client.post(`${API}/chat-messages/${sent.id}/flags`, { kind: 'spam' })).status).toBe(400);

    const forFacilitator = (await w.facilitator.client.get(`${API}/rooms/${room.id}/flags`)).body.items;
    expect(forFacilitator[0]).toMatchObject({ kind: 'harm', note: 'This named my group', reporter: { id: w.ben.id } });
    expect((await lead.client.get(`${API}/rooms/${room.id}/flags`)).body.items).toHaveLength(1);
    expect((await w.ada.client.get(`${API}/rooms/${room.id}/flags`)).status).toBe(403);
    expect((await lead.client.post(`${API}/rooms/${room.id}/flags/${flagged.body.id}/resolve`, { action: 'remove', reason: 'x' })).status).toBe(403);

    const resolved = await w.facilitator.client.post(`${API}/rooms/${room.id}/flags/${flagged.body.id}/resolve`, { action: 'remove', reason: 'Harmful to peers' });
    expect(resolved.body).toMatchObject({ action: 'remove', status: 'action_taken' });
    const history = (await w.ada.client.get(`${API}/rooms/${room.id}/messages`)).body.items;
    expect(history.find((m: any) => m.id === sent.id)).toMatchObject({ status: 'removed', removedReason: 'Harmful to peers', html: null });
    expect((await w.ben.client.get(`${API}/me/chat-flags`)).body.items[0]).toMatchObject({ id: flagged.body.id, status: 'action_taken' });
    expect(JSON.stringify((await w.ada.client.get(`${API}/rooms/${room.id}/messages`)).body)).not.toContain(w.ben.id);
  });
});

describe('retention', () => {
  it('deletes messages of sessions that ended more than the room’s retention days ago, and keeps rooms without a policy', async () => {
    const kept = await createRoom(w);
    const purged = await createRoom(w, { retentionDays: 7 });
    for (const room of [kept, purged]) {
      const { socket } = await joined(t, w.ada, room, sockets);
      await w.facilitator.client.post(`${API}/rooms/${room.id}/sessions`, {});
      await say(socket, room.id, 'Said in the session');
      await stage(room, { stage: 'closed' });
    }
    const retention = t.app.get(RetentionService);
    t.clock.advance(6 * 86_400_000);
    await retention.purge();
    const count = async (roomId: string) => (await t.db.query('SELECT count(*)::int AS n FROM chat_message WHERE room_id = $1', [roomId]))[0].n;
    expect(await count(purged.id)).toBeGreaterThan(0);
    t.clock.advance(2 * 86_400_000);
    await retention.purge();
    expect(await count(purged.id)).toBe(0);
    expect(await count(kept.id)).toBeGreaterThan(0);
  });
});
