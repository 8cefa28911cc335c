import type { Socket } from 'socket.io-client';

/**
 * One app-wide socket.io connection for what every page shows (the notification bell). The client library is
 * imported on first use, never from the entry bundle, and the connection closes once nobody holds it, so
 * signing out (or in as someone else) always gets a handshake checked afresh.
 */
let pending: Promise<Socket> | null = null;
let holders = 0;

function open(): Promise<Socket> {
  return import('socket.io-client').then(({ io }) => {
    const socket = io({ path: '/realtime', withCredentials: true });
    socket.on('disconnect', (reason) => {
      // The server drops sockets when a person's access changes; reconnecting gets them checked again.
      // socket.io reconnects by itself after network loss, but not after a server-side disconnect.
      if (reason === 'io server disconnect' && holders > 0) window.setTimeout(() => holders > 0 && socket.connect(), 1000);
    });
    return socket;
  });
}

/** Hands the shared socket to `use` once it is ready; the returned function lets go of it. */
export function holdSocket(use: (socket: Socket) => void): () => void {
  holders += 1;
  const mine = (pending ??= open());
  let held = true;
  mine.then(
    (socket) => held && use(socket),
    () => {
      // The chunk may be gone after a release; the next holder tries again.
      if (pending === mine) pending = null;
    },
  );
  return () => {
    if (!held) return;
    held = false;
    holders -= 1;
    if (holders > 0) return;
    pending = null;
    void mine.then(
      (socket) => socket.disconnect(),
      () => undefined,
    );
  };
}
