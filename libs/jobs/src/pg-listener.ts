import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { PREPARED_READS_OPTIONS, type PreparedReadsOptions } from '@app/database';
import { Client } from 'pg';

type Listener = (payload: string) => void;

const RECONNECT_MS = 2_000;

/**
 * One dedicated PostgreSQL connection per process for LISTEN: writers announce new notifications (and changed unread
 * counts) with NOTIFY, which PostgreSQL delivers only after their transaction commits. It reconnects by
 * itself; whoever listens also polls slowly, so a missed NOTIFY only delays work.
 */
@Injectable()
export class PgListener implements BeforeApplicationShutdown {
  private readonly logger = new Logger(PgListener.name);
  private readonly listeners = new Map<string, Set<Listener>>();
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private stopped = false;

  constructor(@Inject(PREPARED_READS_OPTIONS) private readonly options: PreparedReadsOptions) {}

  async listen(channel: string, listener: Listener): Promise<void> {
    const known = this.listeners.get(channel);
    if (known) known.add(listener);
    else this.listeners.set(channel, new Set([listener]));
    await this.connect();
    if (!known && this.client) await this.client.query(`LISTEN ${channel}`).catch(() => undefined);
  }

  private connect(): Promise<void> {
    if (this.client || this.stopped) return Promise.resolve();
    this.connecting ??= (async () => {
      const client = new Client({ connectionString: this.options.url });
      client.on('notification', (message) => {
        for (const listener of this.listeners.get(message.channel) ?? []) listener(message.payload ?? '');
      });
      client.on('error', () => this.reconnectLater(client));
      client.on('end', () => this.reconnectLater(client));
      try {
        await client.connect();
        for (const channel of this.listeners.keys()) await client.query(`LISTEN ${channel}`);
        this.client = client;
      } catch (error) {
        this.logger.warn({ err: error }, 'LISTEN connection failed; retrying');
        this.reconnectLater(client);
      } finally {
        this.connecting = null;
      }
    })();
    return this.connecting;
  }

  private reconnectLater(client: Client): void {
    if (this.client === client) this.client = null;
    client.end().catch(() => undefined);
    if (this.stopped) return;
    setTimeout(() => void this.connect(), RECONNECT_MS).unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
