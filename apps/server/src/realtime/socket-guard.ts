import type { Socket } from 'socket.io';

/** Every event a client may emit; anything else is answered UNKNOWN_EVENT. Gateways' @SubscribeMessage names. */
export const KNOWN_EVENTS = new Set([
  'topic:join',
  'topic:leave',
  'space:join',
  'space:leave',
  'chat:join',
  'chat:leave',
  'chat:history',
  'chat:send',
  'chat:react',
  'chat:unreact',
  'chat:typing',
]);

/** A steady 20 events a second per socket, bursts to 60: far above a person typing, far below a flood. */
export const FLOOD_RATE_PER_SECOND = 20;
export const FLOOD_BURST = 60;

/**
 * Per-socket middleware: unknown events get an error acknowledgement, and a socket that floods is
 * disconnected (and the caller logs it). A token bucket, refilled continuously.
 */
export function guardSocket(socket: Socket, onFlood: (socket: Socket) => void, now: () => number = Date.now): void {
  let tokens = FLOOD_BURST;
  let last = now();
  socket.use(([event, ...args], next) => {
    const at = now();
    tokens = Math.min(FLOOD_BURST, tokens + ((at - last) / 1000) * FLOOD_RATE_PER_SECOND);
    last = at;
    tokens -= 1;
    if (tokens < 0) {
      onFlood(socket);
      socket.disconnect(true);
      return;
    }
    if (!KNOWN_EVENTS.has(event)) {
      const ack = args[args.length - 1];
      if (typeof ack === 'function') ack({ ok: false, code: 'UNKNOWN_EVENT', message: `There is no event "${String(event).slice(0, 40)}"` });
      return;
    }
    next();
  });
}

/**
 * Cross-site WebSocket hijacking guard: a browser always sends Origin, and it must be this site — the
 * configured public URL, or the very host the request came to. Clients that are not browsers send none.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, publicUrl: string): boolean {
  if (!origin) return true;
  if (origin === new URL(publicUrl).origin) return true;
  try {
    return !!host && new URL(origin).host === host;
  } catch {
    return false;
  }
}
