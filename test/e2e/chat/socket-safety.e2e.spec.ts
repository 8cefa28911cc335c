import { io, type Socket } from 'socket.io-client';
import { buildCohort } from '@app/testing';
import { personSignedIn, signIn, startTestApp, type TestApp } from '../../support/test-app';
import { ack, connect } from '../../support/socket-support';
import { API, chatWorld, type ChatWorld } from './chat-support';

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

const closed = (socket: Socket, timeoutMs = 5000) =>
  new Promise<boolean>((resolve) => {
    if (socket.disconnected) return resolve(true);
    const timer = setTimeout(() => resolve(false), timeoutMs);
    socket.once('disconnect', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

describe('socket safety', () => {
  it('answers an unknown event with UNKNOWN_EVENT and keeps the socket', async () => {
    const socket = await connect(t.url, w.ada.client.cookie!);
    sockets.push(socket);
    expect(await ack(socket, 'chat:explode', { roomId: 'x' })).toMatchObject({ ok: false, code: 'UNKNOWN_EVENT' });
    expect(socket.connected).toBe(true);
  });

  it('disconnects a socket that floods', async () => {
    const socket = await connect(t.url, w.ben.client.cookie!);
    sockets.push(socket);
    const gone = closed(socket);
    for (let i = 0; i < 200; i += 1) socket.emit('chat:typing', { roomId: '00000000-0000-4000-8000-000000000000' });
    expect(await gone).toBe(true);
  });

  it('refuses a handshake from another site’s origin', async () => {
    const socket = io(t.url, {
      path: '/realtime',
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { Cookie: w.ada.client.cookie!, Origin: 'https://evil.example' },
    });
    sockets.push(socket);
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    expect(error.message).toBe('FORBIDDEN_ORIGIN');
  });

  it('closes the sockets of a session when it signs out, and leaves other sessions’ alone', async () => {
    const second = await connect(t.url, w.facilitator.client.cookie!);
    sockets.push(second);
    const other = await signIn(t.url, w.facilitator.email, w.facilitator.password);
    const otherSocket = await connect(t.url, other.cookie!);
    sockets.push(otherSocket);
    const gone = closed(otherSocket);
    expect((await other.post(`${API}/auth/logout`, {})).status).toBeLessThan(300);
    expect(await gone).toBe(true);
    expect(second.connected).toBe(true);
  });

  it('reconnects a person whose access narrowed, and the room they can no longer see stays shut', async () => {
    const cohort = await buildCohort(t.db, w.schoolA.id);
    const member = await personSignedIn(t, { institutionId: w.schoolA.id, cohortIds: [cohort.id] });
    const admin = await personSignedIn(t, { platformRole: 'admin' });
    const room = await w.facilitator.client.post(`${API}/rooms`, { title: 'Cohort circle', scope: `cohort:${cohort.id}` });
    const socket = await connect(t.url, member.client.cookie!);
    sockets.push(socket);
    expect((await ack(socket, 'chat:join', { roomId: room.body.id })).ok).toBe(true);
    const gone = closed(socket);
    expect((await admin.client.delete(`${API}/cohorts/${cohort.id}/members/${member.id}`)).status).toBe(204);
    expect(await gone).toBe(true);
    const again = await connect(t.url, member.client.cookie!);
    sockets.push(again);
    expect(await ack(again, 'chat:join', { roomId: room.body.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});
