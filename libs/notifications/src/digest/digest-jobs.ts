import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Clock } from '@app/core';
import { JobName, JobQueue, JobRegistry, jobKey, type JobPayloads } from '@app/jobs';
import { DigestBuilder, type DigestOutcome } from './digest-builder.service';
import { DigestRepository } from './digest.repository';

/** How often the tick looks for people whose digest hour has come (a quarter-hour late at most). */
export const DIGEST_TICK_EVERY_MS = 15 * 60_000;
/** Jobs per enqueue call: 10,000 people are 20 round trips to the queue, and the builds spread over every worker. */
const ENQUEUE_CHUNK = 500;

/**
 * The digest schedule: `digest.tick` finds who is due and enqueues one `digest.build` per person and period, with a
 * deterministic job id, so a tick that runs twice (two workers, a retry) adds nothing new; the builder's claim row is
 * what makes each digest happen once.
 */
@Injectable()
export class DigestJobs implements OnModuleInit {
  private readonly logger = new Logger(DigestJobs.name);

  constructor(
    private readonly registry: JobRegistry,
    private readonly queue: JobQueue,
    private readonly digests: DigestRepository,
    private readonly builder: DigestBuilder,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.handle(JobName.DigestTick, () => this.tick());
    this.registry.handle(JobName.DigestBuild, (payload) => this.build(payload));
    this.registry.repeat(JobName.DigestTick, DIGEST_TICK_EVERY_MS);
  }

  /** Enqueues a build for everyone due now; returns how many. */
  async tick(): Promise<number> {
    const due = await this.digests.due(this.clock.now());
    for (let i = 0; i < due.length; i += ENQUEUE_CHUNK) {
      await this.queue.enqueueMany(
        due.slice(i, i + ENQUEUE_CHUNK).map(({ userId, periodKey }) => ({
          name: JobName.DigestBuild,
          payload: { userId, periodKey } satisfies JobPayloads['digest.build'],
          jobId: jobKey('digest', userId, periodKey),
        })),
      );
    }
    if (due.length > 0) this.logger.log({ count: due.length }, 'digests enqueued');
    return due.length;
  }

  build({ userId, periodKey }: JobPayloads['digest.build']): Promise<DigestOutcome> {
    return this.builder.build(userId, periodKey);
  }
}
