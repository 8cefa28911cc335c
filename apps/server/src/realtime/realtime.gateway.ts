import { Inject, Logger, type OnModuleDestroy } from '@nestjs/common';
import { WebSocketGateway, WebSocketServer, type OnGatewayConnection, type OnGatewayInit } from '@nestjs/websockets';
import { APP_CONFIG, type AppConfig } from '@app/core';
import type { Subscription } from 'rxjs';
import { AuthService, SessionEvents, UserRepository, type Actor, type Authenticated, type SessionEvent } from '@app/identity';
import type { Server, Socket } from 'socket.io';
import { SESSION_COOKIE } from '../http/session-cookie';
import { guardSocket, originAllowed } from './socket-guard';

export const userRoom = (userId: string) => `user:${userId}`;
/** The sockets opened with one sign-in session: they close when it ends. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/**
 * The socket entry point. Authentication happens in the handshake (session cookie, or an API token in
 * `auth.token`); an unauthenticated socket is refused before it can join anything.
 */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayConnection, OnGatewayInit, OnModuleDestroy {
  private readonly logger = new Logger(RealtimeGateway.name);
  @WebSocketServer() readonly server: Server;
  private subscription?: Subscription;

  constructor(
    private readonly auth: AuthService,
    private readonly users: UserRepository,
    private readonly sessionEvents: SessionEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** A sign-in that ends closes the sockets opened with it, on every server. */
  private async closeEnded(event: SessionEvent): Promise<void> {
    if (event.type === 'session.ended') {
      this.server.in(sessionRoom(event.sessionId)).disconnectSockets(true);
      return;
    }
    if (event.type === 'person.access.changed') {
      this.server.in(userRoom(event.userId)).disconnectSockets(true);
      return;
    }
    for (const socket of await this.server.in(userRoom(event.userId)).fetchSockets()) {
      if (!event.exceptSessionId || socket.data.sessionId !== event.exceptSessionId) socket.disconnect(true);
    }
  }

  /** Sends to one person's sockets on every server instance (through the Redis adapter when configured). */
  emitToUser(userId: string, event: string, payload: unknown): void {
    this.server.to(userRoom(userId)).emit(event, payload);
  }

  /** Authenticates in the handshake: a socket without valid credentials never connects at all. */
  afterInit(server: Server): void {
    this.subscription = this.sessionEvents.events.subscribe((event) => {
      this.closeEnded(event).catch((error) => this.logger.error({ err: error }, 'could not close ended sessions’ sockets'));
    });
    server.use((socket, next) => {
      if (!originAllowed(socket.handshake.headers.origin, socket.handshake.headers.host, this.config.publicUrl)) {
        return next(Object.assign(new Error('FORBIDDEN_ORIGIN'), { data: { code: 'FORBIDDEN', message: 'This origin may not connect' } }));
      }
      this.identify(socket)
        .then((identity) => {
          if (!identity)
            return next(
              Object.assign(new Error('UNAUTHENTICATED'), { data: { code: 'UNAUTHENTICATED', message: 'Sign in first' } }),
            );
          socket.data.actor = identity.actor;
          socket.data.sessionId = identity.sessionId;
          return this.users.displayNameOf(identity.actor.userId).then((name) => {
            socket.data.displayName = name ?? 'Participant';
            next();
          });
        })
        .catch(() => next(new Error('UNAUTHENTICATED')));
    });
  }

  async handleConnection(socket: Socket): Promise<void> {
    const actor = socket.data.actor as Actor | undefined;
    if (!actor) {
      socket.disconnect(true);
      return;
    }
    guardSocket(socket, (flooder) =>
      this.logger.warn({ userId: actor.userId, socketId: flooder.id }, 'socket disconnected for flooding'),
    );
    await socket.join(userRoom(actor.userId));
    if (socket.data.sessionId) await socket.join(sessionRoom(socket.data.sessionId as string));
    socket.emit('ready', { userId: actor.userId });
  }

  private async identify(socket: Socket): Promise<Authenticated | null> {
    const token = (socket.handshake.auth as { token?: unknown })?.token;
    if (typeof token === 'string') return this.auth.fromApiToken(token);
    const cookie = cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE);
    return cookie ? this.auth.fromSessionToken(cookie) : null;
  }
}
