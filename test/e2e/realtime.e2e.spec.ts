import { io, type Socket } from 'socket.io-client';
import { RealtimeGateway } from '../../apps/server/src/realtime/realtime.gateway';
import { describeWithRedis, personSignedIn, startTestApp, type TestApp } from '../support/test-app';

function connect(url: string, options: { cookie?: string; token?: string } = {}): Socket {
  return io(url, {
    path: '/realtime',
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: options.cookie ? { Cookie: options.cookie } : undefined,
    auth: options.token ? { token: options.token } : {},
  });
}

function next<T>(socket: Socket, event: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

describe('socket.io at /realtime', () => {
  let t: TestApp;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.disconnect()));
  afterAll(() => t.close());

  it('authenticates the handshake with the session cookie and joins the person to their own room', async () => {
    const person = await personSignedIn(t);
    const socket = connect(t.url, { cookie: person.client.cookie });
    sockets.push(socket);
    expect(await next<{ userId: string }>(socket, 'ready')).toEqual({ userId: person.id });
    const received = next<{ hello: string }>(socket, 'notice');
    t.app.get(RealtimeGateway).emitToUser(person.id, 'notice', { hello: 'you' });
    expect(await received).toEqual({ hello: 'you' });
  });

  it('accepts a personal API token in the handshake auth', async () => {
    const person = await personSignedIn(t);
    const { body, status } = await person.client.post('/api/v1/me/tokens', { name: 'socket script' });
    expect(status).toBe(201);
    const socket = connect(t.url, { token: body.token });
    sockets.push(socket);
    expect(await next<{ userId: string }>(socket, 'ready')).toEqual({ userId: person.id });
  });

  it('disconnects a socket without valid credentials before it can receive anything', async () => {
    const socket = connect(t.url, { cookie: 'artc_session=as_forged' });
    sockets.push(socket);
    const error = await next<Error & { data?: { code: string } }>(socket, 'connect_error');
    expect(error.data?.code).toBe('UNAUTHENTICATED');
    expect(socket.connected).toBe(false);
  });

  it("never delivers one person's events to another person", async () => {
    const alice = await personSignedIn(t);
    const bob = await personSignedIn(t);
    const bobSocket = connect(t.url, { cookie: bob.client.cookie });
    sockets.push(bobSocket);
    await next(bobSocket, 'ready');
    const leaked: unknown[] = [];
    bobSocket.on('notice', (payload) => leaked.push(payload));
    t.app.get(RealtimeGateway).emitToUser(alice.id, 'notice', { secret: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(leaked).toEqual([]);
  });
});

describeWithRedis('socket.io across two server instances (Redis adapter)', () => {
  let first: TestApp;
  let second: TestApp;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    first = await startTestApp();
    second = await startTestApp({}, { joinRunning: true });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await Promise.all([first?.close(), second?.close()]);
  });

  it('delivers an event emitted on one server to the person connected to the other', async () => {
    const person = await personSignedIn(first);
    const socket = connect(second.url, { cookie: person.client.cookie });
    sockets.push(socket);
    await next(socket, 'ready');
    const received = next<{ via: string }>(socket, 'notice');
    first.app.get(RealtimeGateway).emitToUser(person.id, 'notice', { via: 'first' });
    expect(await received).toEqual({ via: 'first' });
  });
});
