import { WebSocketGateway, type OnGatewayConnection } from '@nestjs/websockets';
import { AuthService, type Authenticated } from '@app/identity';
import type { Socket } from 'socket.io';
import { SESSION_COOKIE } from '../http/session-cookie';

export const userRoom = (userId: string) => `user:${userId}`;

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/**
 * The socket entry point. Authentication happens in the handshake (session cookie, or an API token in
 * `auth.token`); an unauthenticated socket is disconnected before it can join anything.
 */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayConnection {

  constructor(private readonly auth: AuthService) {}

  async handleConnection(socket: Socket): Promise<void> {
    const identity = await this.identify(socket).catch(() => null);
    if (!identity) {
      socket.emit('error', { code: 'UNAUTHENTICATED', message: 'Sign in first' });
      socket.disconnect(true);
      return;
    }
    socket.data.actor = identity.actor;
    await socket.join(userRoom(identity.actor.userId));
    socket.emit('ready', { userId: identity.actor.userId });
  }

  private async identify(socket: Socket): Promise<Authenticated | null> {
    const token = (socket.handshake.auth as { token?: unknown })?.token;
    if (typeof token === 'string') return this.auth.fromApiToken(token);
    const cookie = cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE);
    return cookie ? this.auth.fromSessionToken(cookie) : null;
  }
}
