import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import type { EntityManager } from 'typeorm';

export const PREPARED_READS_OPTIONS = Symbol('PREPARED_READS_OPTIONS');

export interface PreparedReadsOptions {
  url: string;
  poolSize: number;
}

// A safety valve, not an expected limit: past it a text runs unnamed rather than growing every connection's cache.
const MAX_NAMED_TEXTS = 500;

/**
 * A page size written into a statement's text for PreparedReads: a bound LIMIT leaves the generic plan guessing at
 * a tenth of the table (and reading, say, a reader's whole read history to show 30 topics). Page sizes are few.
 */
export function pageSizeLiteral(rows: number): string {
  if (!Number.isSafeInteger(rows) || rows < 1 || rows > 1000) throw new Error(`Unexpected page size ${rows}`);
  return String(rows);
}

/**
 * The hottest reads — the session lookup behind every request, the first page of a topic list, opening a topic and
 * its posts, the room and participant behind every chat event — as named prepared statements that PostgreSQL plans
 * once per connection. Planning the topic list costs more than running it, and PostgreSQL keeps re-planning a
 * prepared statement whenever a custom plan looks cheaper, so these connections always use the generic plan. That is why they are a small pool of their own,
 * beside TypeORM's: everything else keeps per-execution plans.
 *
 * Rules for a statement run here: a read; a text that never embeds values (so the set of names stays small), and
 * page sizes written into the text, not bound, so the generic plan knows them. Inside a transaction the same read
 * runs on the transaction's connection instead, so it sees the transaction's own writes.
 */
@Injectable()
export class PreparedReads implements OnApplicationShutdown {
  private readonly logger = new Logger(PreparedReads.name);
  private readonly namesByText = new Map<string, string>();
  private pool: Pool | null = null;

  constructor(@Inject(PREPARED_READS_OPTIONS) private readonly options: PreparedReadsOptions) {}

  async rows<Row>(text: string, values: readonly unknown[], manager?: EntityManager): Promise<Row[]> {
    if (manager) return manager.query(text, values as unknown[]);
    const result = await this.poolOnDemand().query({ name: this.nameFor(text), text, values: values as unknown[] });
    return result.rows as Row[];
  }

  async onApplicationShutdown(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.end();
  }

  private poolOnDemand(): Pool {
    if (!this.pool) {
      this.pool = new Pool({
        connectionString: this.options.url,
        max: this.options.poolSize,
        application_name: 'art-commons-reads',
        options: '-c plan_cache_mode=force_generic_plan',
      });
      // An idle connection dropped by the server must not take the process down; the pool replaces it on demand.
      this.pool.on('error', (error) => this.logger.warn(`Idle read connection lost: ${error.message}`));
    }
    return this.pool;
  }

  private nameFor(text: string): string | undefined {
    let name = this.namesByText.get(text);
    if (name === undefined && this.namesByText.size < MAX_NAMED_TEXTS) {
      name = `artc_read_${this.namesByText.size + 1}`;
      this.namesByText.set(text, name);
    }
    return name;
  }
}
