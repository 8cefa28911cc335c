import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { ErrorCode } from '@app/core';
import { ChatEvents, MessageSender, MessageService, RoomService, type ChatEvent } from '@app/chat';
import type { Actor } from '@app/identity';
import type { Subscription } from 'rxjs';
import type { Server, Socket } from 'socket.io';
import { acknowledge, failure, type Ack } from './acks';
import { parseReaction, parseRoomRef, parseSend, type Parsed } from './chat-payloads';
import { userRoom } from './realtime.gateway';

export const chatRoom = (roomId: string) => `chat:${roomId}`;
const PRESENCE_INTERVAL_MS = 1000;

/** Which rooms a socket was admitted to, and whether each is anonymous (presence and typing depend on it). */
type Admitted = Map<string, { anonymous: boolean; displayName: string }>;
const admittedOf = (socket: Socket): Admitted => (socket.data.chatRooms ??= new Map());

/**
 * Live dialogue rooms. A socket enters a room only through `chat:join`, after the same checks as HTTP; every
 * later event on the room checks again through the services (a removed or muted person is refused at once).
 * Room events carry the public view only: pseudonyms in anonymous rooms, no typing, presence as a count.
 */
@WebSocketGateway()
export class ChatGateway implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ChatGateway.name);
  @WebSocketServer() readonly server: Server;
  private subscription?: Subscription;

  constructor(
    private readonly events: ChatEvents,
    private readonly rooms: RoomService,
    private readonly sender: MessageSender,
    private readonly messages: MessageService,
  ) {}

  onModuleInit(): void {
    this.subscription = this.events.events.subscribe((event) => {
      this.relay(event).catch((error) => this.logger.error({ err: error, event: event.type }, 'could not relay a chat event'));
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  private run<T extends object, P>(socket: Socket, parsed: Parsed<P>, work: (actor: Actor, payload: P) => Promise<T>): Promise<Ack<T>> {
    const actor = socket.data.actor as Actor | undefined;
    if (!actor) return Promise.resolve(failure(ErrorCode.Unauthenticated, 'Sign in first'));
    if (!parsed.ok) return Promise.resolve(failure(ErrorCode.ValidationFailed, parsed.message));
    return acknowledge(
      () => work(actor, parsed.value),
      (error) => this.logger.error({ err: error }, 'chat event failed'),
    );
  }

  /** Enter a room, and get what happened after `afterSeq`: joined first, so nothing falls between the two. */
  @SubscribeMessage('chat:join')
  join(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return this.run(socket, parseRoomRef(body), async (actor, { roomId, afterSeq }) => {
      const room = await this.rooms.join(actor, roomId);
      await socket.join(chatRoom(roomId));
      admittedOf(socket).set(roomId, { anonymous: room.anonymous, displayName: (socket.data.displayName as string | undefined) ?? 'Participant' });
      const history = await this.messages.history(actor, roomId, afterSeq);
      this.announceLater(roomId, room.anonymous);
      return { room, messages: history.items, hasMore: history.hasMore };
    });
  }

  @SubscribeMessage('chat:leave')
  leave(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return this.run(socket, parseRoomRef(body), async (_actor, { roomId }) => {
      const admitted = admittedOf(socket).get(roomId);
      await socket.leave(chatRoom(roomId));
      admittedOf(socket).delete(roomId);
      if (admitted) this.announceLater(roomId, admitted.anonymous);
      return {};
    });
  }

  @SubscribeMessage('chat:history')
  history(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return this.run(socket, parseRoomRef(body), (actor, { roomId, afterSeq }) => this.messages.history(actor, roomId, afterSeq));
  }

  @SubscribeMessage('chat:send')
  send(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return this.run(socket, parseSend(body), async (actor, { roomId, ...input }) => ({ message: await this.sender.send(actor, roomId, input) }));
  }

  @SubscribeMessage('chat:react')
  react(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return this.run(socket, parseReaction(body), async (actor, { messageId, kind }) => ({ message: await this.messages.react(actor, messageId, kind) }));
  }

  @SubscribeMessage('chat:unreact')
  unreact(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return this.run(socket, parseReaction(body), async (actor, { messageId, kind }) => ({ message: await this.messages.unreact(actor, messageId, kind) }));
  }

  /** Typing is relayed only in rooms with names: in an anonymous room its timing alone could tie a pseudonym to a person. */
  @SubscribeMessage('chat:typing')
  typing(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return this.run(socket, parseRoomRef(body), async (_actor, { roomId }) => {
      const admitted = admittedOf(socket).get(roomId);
      // In the socket room still: a removal takes sockets out of it, and with that their typing.
      if (!admitted || !socket.rooms.has(chatRoom(roomId))) return failure(ErrorCode.NotFound, 'Join the room first');
      if (!admitted.anonymous) socket.to(chatRoom(roomId)).emit('chat:typing', { roomId, displayName: admitted.displayName });
      return {};
    });
  }

  /** Rooms with a presence announcement already scheduled on this server. */
  private readonly presencePending = new Map<string, boolean>();

  /**
   * Presence is announced after the answer, at most once a second per room: a thousand people joining is one
   * announcement a second, not a thousand (each counted across servers). Counting can fail (a server too slow
   * to answer, Redis gone); that is logged, never an unhandled rejection, which would end the process.
   */
  private announceLater(roomId: string, anonymous: boolean): void {
    if (this.presencePending.has(roomId)) return;
    this.presencePending.set(roomId, anonymous);
    setTimeout(() => {
      this.presencePending.delete(roomId);
      this.announcePresence(roomId, anonymous).catch((error) => this.logger.warn({ err: error, roomId }, 'could not announce presence'));
    }, PRESENCE_INTERVAL_MS).unref();
  }

  /** Who is here: names in a named room; only a count in an anonymous one. Counted across every server. */
  private async announcePresence(roomId: string, anonymous: boolean): Promise<void> {
    const sockets = await this.server.in(chatRoom(roomId)).fetchSockets();
    const people = new Map<string, string>();
    for (const peer of sockets) {
      const actor = peer.data.actor as Actor | undefined;
      if (actor) people.set(actor.userId, (peer.data.displayName as string | undefined) ?? 'Participant');
    }
    this.server
      .to(chatRoom(roomId))
      .emit('chat:presence', anonymous ? { roomId, count: people.size } : { roomId, count: people.size, people: [...people.values()].sort() });
  }

  /** A socket that closes leaves its rooms' presence. */
  handleDisconnect(socket: Socket): void {
    for (const [roomId, admitted] of admittedOf(socket)) this.announceLater(roomId, admitted.anonymous);
  }

  private async relay(event: ChatEvent): Promise<void> {
    const room = this.server.to(chatRoom(event.roomId));
    switch (event.type) {
      case 'message.created':
        room.emit('chat:message', event.message);
        return;
      case 'message.updated':
        room.emit('chat:message:updated', event.message);
        return;
      case 'room.updated':
        room.emit('chat:room', { roomId: event.roomId });
        return;
      case 'participant.muted':
        this.server.to(userRoom(event.userId)).emit('chat:muted', { roomId: event.roomId, until: event.until });
        return;
      case 'participant.removed':
        // Every socket of the person, on every server, leaves the room and its breakouts now.
        this.server.in(userRoom(event.userId)).socketsLeave(chatRoom(event.roomId));
        this.server.to(userRoom(event.userId)).emit('chat:removed', { roomId: event.roomId });
        return;
      case 'breakouts.changed':
        this.server.to([chatRoom(event.roomId), ...event.breakoutIds.map(chatRoom)]).emit('chat:breakouts', { roomId: event.roomId });
        return;
    }
  }
}
