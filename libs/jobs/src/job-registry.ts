import { Injectable } from '@nestjs/common';
import type { JobNameValue, JobPayloads } from './job-names';

export type JobHandler<N extends JobNameValue = JobNameValue> = (payload: JobPayloads[N]) => Promise<unknown>;

export interface JobSchedule {
  name: JobNameValue;
  everyMs: number;
}

/**
 * Who does what: libraries register their processors and repeatable schedules here at start, and whichever
 * backend runs (BullMQ workers or the in-process runner) looks them up by name. Same processors either way.
 */
@Injectable()
export class JobRegistry {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly repeating = new Map<string, JobSchedule>();

  handle<N extends JobNameValue>(name: N, handler: JobHandler<N>): void {
    if (this.handlers.has(name)) throw new Error(`job ${name} has two processors`);
    this.handlers.set(name, handler as JobHandler);
  }

  /** A job the platform runs by itself every `everyMs` (its handler must be registered too). */
  repeat(name: JobNameValue, everyMs: number): void {
    this.repeating.set(name, { name, everyMs });
  }

  handlerFor(name: string): JobHandler | undefined {
    return this.handlers.get(name);
  }

  get schedules(): JobSchedule[] {
    return [...this.repeating.values()];
  }
}
