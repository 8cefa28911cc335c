import { Logger, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';

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

  override async dispose(): Promise<void> {
    await super.dispose();
    await Promise.all(this.connections.map((connection) => connection.quit().catch(() => connection.disconnect())));
  }
}
