import { Logger, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Observable } from 'rxjs';
import type { Server, ServerOptions, Socket } from 'socket.io';

export const REALTIME_PATH = '/realtime';

/**
 * The Redis adapter publishes without waiting for the answer or catching a failure: a publish that fails (Redis
 * unreachable, or the connection closing at shutdown) would be an unhandled rejection, which ends the process.
 * Failures are logged instead; delivery to the other servers is best effort, and clients resume by seq.
 */
export function publishingSafely(publisher: Redis, logger: Logger): Redis {
  const publish = publisher.publish.bind(publisher) as (channel: string, message: string) => Promise<number>;
  publisher.publish = ((channel: string, message: string) =>
    publish(channel, message).catch((error: unknown) => {
      logger.warn({ err: error }, 'could not publish to the other servers');
      return 0;
    })) as Redis['publish'];
  return publisher;
}

/** socket.io on the Fastify server at /realtime; with Redis, events fan out across server instances. */
export class RealtimeAdapter extends IoAdapter {
  // Not `logger`: IoAdapter has one of its own.
  private readonly redisLogger = new Logger(RealtimeAdapter.name);
  private readonly connections: Redis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly redisUrl: string | undefined,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: Partial<ServerOptions>): Server {
    const server: Server = super.createIOServer(port, <ServerOptions>{
      ...options,
      path: REALTIME_PATH,
      serveClient: false,
      // A chat message is at most 4 KB; anything near this is abuse, and the socket is closed for it.
      maxHttpBufferSize: 64 * 1024,
      cors: { origin: false },
    });
    if (this.redisUrl) {
      const publisher = new Redis(this.redisUrl);
      const subscriber = publisher.duplicate();
      for (const connection of [publisher, subscriber]) connection.on('error', () => undefined);
      this.connections.push(publisher, subscriber);
      server.adapter(createAdapter(publishingSafely(publisher, this.redisLogger), subscriber));
    }
    return server;
  }

  /**
   * One plain listener per event and socket. Nest's own binding builds an rxjs pipeline per event per socket
   * (a dozen per connection here); with a thousand people joining a session those objects all live long enough to
   * be promoted, and the collector's pauses showed up as delivery latency. Same behaviour: the handler's result
   * (value, promise or observable) answers the acknowledgement, or is emitted when it names an event; a failure that
   * escaped the exception filters is logged and the socket's other events keep working.
   */
  override bindMessageHandlers(socket: Socket, handlers: MessageMappingProperties[], transform: (data: unknown) => Observable<unknown>): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message as string, (...args: unknown[]) => {
        const { data, ack } = this.mapPayload(args.length > 1 ? args : args[0]);
        let result$: Observable<unknown>;
        try {
          result$ = transform(callback(data, ack));
        } catch (error) {
          this.logger.error(error);
          return;
        }
        result$.subscribe({
          next: (response) => {
            if (response === null || response === undefined) return;
            const named = response as { event?: string; data?: unknown };
            if (named.event) socket.emit(named.event, named.data);
            else if (!isAckHandledManually && typeof ack === 'function') ack(response);
          },
          error: (error: unknown) => this.logger.error(error),
        });
      });
    }
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    await Promise.all(this.connections.map((connection) => connection.quit().catch(() => connection.disconnect())));
  }
}
