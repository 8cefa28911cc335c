import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { DomainError, ErrorCode, isUuid } from '@app/core';
import { ForumEvents, PostService, SpaceService, TopicService, type ForumEvent } from '@app/forum';
import type { Actor } from '@app/identity';
import type { Subscription } from 'rxjs';
import type { Server, Socket } from 'socket.io';

export const topicRoom = (topicId: string) => `topic:${topicId}`;
export const spaceRoom = (spaceId: string) => `space:${spaceId}`;

type Ack = { ok: true } | { ok: false; code: string; message: string };

/**
 * Live forum updates. A socket joins a topic or space room only after the same access checks as HTTP
 * (an unreadable one answers NOT_FOUND, as HTTP does); room events carry only what every reader of
 * the room may see: the public view of a post, or ids to refetch per reader.
 */
@WebSocketGateway()
export class ForumGateway implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ForumGateway.name);
  @WebSocketServer() readonly server: Server;
  private subscription?: Subscription;

  constructor(
    private readonly events: ForumEvents,
    private readonly topics: TopicService,
    private readonly spaces: SpaceService,
    private readonly posts: PostService,
  ) {}

  onModuleInit(): void {
    this.subscription = this.events.events.subscribe((event) => {
      this.relay(event).catch((error) => this.logger.error({ err: error, event: event.type }, 'could not relay a forum event'));
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  @SubscribeMessage('topic:join')
  joinTopic(@ConnectedSocket() socket: Socket, @MessageBody() body: { topicId?: unknown }): Promise<Ack> {
    return this.join(socket, body?.topicId, (actor, id) => this.topics.get(actor, id), topicRoom);
  }

  @SubscribeMessage('space:join')
  joinSpace(@ConnectedSocket() socket: Socket, @MessageBody() body: { spaceId?: unknown }): Promise<Ack> {
    return this.join(socket, body?.spaceId, (actor, id) => this.spaces.get(actor, id), spaceRoom);
  }

  @SubscribeMessage('topic:leave')
  async leaveTopic(@ConnectedSocket() socket: Socket, @MessageBody() body: { topicId?: unknown }): Promise<Ack> {
    if (typeof body?.topicId === 'string') await socket.leave(topicRoom(body.topicId));
    return { ok: true };
  }

  @SubscribeMessage('space:leave')
  async leaveSpace(@ConnectedSocket() socket: Socket, @MessageBody() body: { spaceId?: unknown }): Promise<Ack> {
    if (typeof body?.spaceId === 'string') await socket.leave(spaceRoom(body.spaceId));
    return { ok: true };
  }

  private async join(
    socket: Socket,
    id: unknown,
    check: (actor: Actor, id: string) => Promise<unknown>,
    room: (id: string) => string,
  ): Promise<Ack> {
    const actor = socket.data.actor as Actor | undefined;
    if (!actor) return { ok: false, code: ErrorCode.Unauthenticated, message: 'Sign in first' };
    if (!isUuid(id)) return { ok: false, code: ErrorCode.InvalidId, message: 'Send a UUID' };
    try {
      await check(actor, id);
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, code: error.code, message: error.message };
      throw error;
    }
    await socket.join(room(id));
    return { ok: true };
  }

  private async relay(event: ForumEvent): Promise<void> {
    if (event.type === 'topic.created') {
      this.server.to(spaceRoom(event.spaceId)).emit('topic:created', { spaceId: event.spaceId, topicId: event.topicId });
      return;
    }
    if (event.type === 'topic.updated') {
      this.server.to(topicRoom(event.topicId)).emit('topic:updated', { topicId: event.topicId });
      return;
    }
    const post = await this.posts.publicView(event.postId);
    if (!post) return;
    this.server.to(topicRoom(event.topicId)).emit(event.type === 'post.created' ? 'post:created' : 'post:updated', post);
  }
}
