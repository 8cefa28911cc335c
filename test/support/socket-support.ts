import { io, type Socket } from 'socket.io-client';

/** A socket.io client signed in with a session cookie, resolved once the server says it is ready. */
export function connect(url: string, cookie: string): Promise<Socket> {
  const socket = io(url, { path: '/realtime', transports: ['websocket'], reconnection: false, extraHeaders: { Cookie: cookie } });
  return new Promise((resolve, reject) => {
    socket.once('ready', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

export const ack = <T = any>(socket: Socket, event: string, body: unknown) =>
  socket.timeout(5000).emitWithAck(event, body) as Promise<{ ok: boolean; code?: string } & T>;

/** Collects every event of a name, to assert both what arrives and what must never arrive. */
export function collect(socket: Socket, event: string) {
  const received: any[] = [];
  socket.on(event, (payload) => received.push(payload));
  return {
    received,
    async waitFor(count: number, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      return received;
    },
  };
}
