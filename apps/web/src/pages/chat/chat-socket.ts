import { io, type Socket } from 'socket.io-client';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Ack } from './chat-types';

/** How long a socket event may wait for its acknowledgement before the client calls it lost. */
export const ACK_TIMEOUT_MS = 10_000;

export interface ChatConnection {
  socket: Socket | null;
  connected: boolean;
  /** Goes up with every (re)connection, so each room feed joins again with the last seq it holds. */
  generation: number;
}

/** One socket.io connection for the room page, shared by the main room and a breakout. */
export function useChatSocket(): ChatConnection {
  const [socket, setSocket] = useState<Socket | null>(null);
  const [connected, setConnected] = useState(false);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const s = io({ path: '/realtime', withCredentials: true });
    s.on('connect', () => {
      setConnected(true);
      setGeneration((g) => g + 1);
    });
    s.on('disconnect', (reason) => {
      setConnected(false);
      // The server closes sockets when a person's access changes: connect again, and be checked afresh. A
      // session that ended fails the handshake instead, and socket.io leaves it at that.
      if (reason === 'io server disconnect') window.setTimeout(() => s.connect(), 1000);
    });
    setSocket(s);
    return () => {
      s.disconnect();
    };
  }, []);

  return { socket, connected, generation };
}

/** Emits with an acknowledgement; a lost acknowledgement (timeout, no connection) becomes `TIMEOUT`. */
export function emitAck<T>(socket: Socket | null, event: string, payload: unknown): Promise<Ack<T>> {
  return new Promise((resolve) => {
    if (!socket?.connected) {
      resolve({
        ok: false,
        code: 'TIMEOUT',
        message: 'Not connected. The message will be sent again when the connection is back.',
      });
      return;
    }
    socket.timeout(ACK_TIMEOUT_MS).emit(event, payload, (error: unknown, ack: Ack<T> | undefined) => {
      if (error || !ack)
        resolve({ ok: false, code: 'TIMEOUT', message: 'No answer from ART Commons. The message will be sent again.' });
      else resolve(ack);
    });
  });
}

/** Listens to one server event for as long as the component is there; the handler may change between renders. */
export function useSocketEvent<T>(socket: Socket | null, event: string, handler: (payload: T) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!socket) return;
    const listener = (payload: T) => latest.current(payload);
    socket.on(event, listener);
    return () => {
      socket.off(event, listener);
    };
  }, [socket, event]);
}
