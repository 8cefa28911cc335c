import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, Clock, type AppConfig } from '@app/core';
import { AccessPolicy, ActorRepository, type Actor, type ScopeKey } from '@app/identity';
import { JobName, JobQueue, jobKey } from '@app/jobs';
import { SENT_WITHOUT_DELAY, type NotificationKind } from '../notification-kinds';
import type { NoticeContent } from '../notice-content';
import { NotificationRepository, type NewNotification } from '../repositories/notification.repository';
import { PreferenceRepository } from '../repositories/preference.repository';

export type { NoticeContent };

export interface NoticeBatch {
  kind: NotificationKind;
  userIds: readonly string[];
  content: NoticeContent;
}

export interface DeliveryRules {
  /** Whoever caused the event hears nothing of it (also for anonymous posts: their author is known here, never shown). */
  excludeUserId?: string | null;
  /** Readers beyond the scope's: e.g. a draft article readable only by its reviewers. Defaults to the scope rule. */
  mayRead?: (actor: Actor) => boolean;
}

/**
 * Turns one event into notifications: one per person (the first batch that names them wins, so a mention beats a
 * watch), only for people who may read the thing now, through each person's chosen channel. At most once per event
 * (`onceKey`), so a retried job adds nothing; immediate emails are scheduled after the commit.
 */
@Injectable()
export class Notifier {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly preferences: PreferenceRepository,
    private readonly actors: ActorRepository,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async deliver(onceKey: string, batches: readonly NoticeBatch[], rules: DeliveryRules = {}): Promise<number> {
    const now = this.clock.now();
    const rows: NewNotification[] = [];
    const claimed = new Set<string>(rules.excludeUserId ? [rules.excludeUserId] : []);
    for (const batch of batches) {
      const candidates = [...new Set(batch.userIds)].filter((id) => !claimed.has(id));
      for (const id of candidates) claimed.add(id);
      const readers = (await this.actors.byUserIds(candidates)).filter((actor) =>
        rules.mayRead ? rules.mayRead(actor) : AccessPolicy.canRead(actor, batch.content.scopeKey as ScopeKey),
      );
      if (readers.length === 0) continue;
      const channels = await this.preferences.channelsFor(readers.map((a) => a.userId), batch.kind, now);
      const emailDelayMs = SENT_WITHOUT_DELAY.has(batch.kind) ? 0 : this.config.mailImmediateDelaySeconds * 1000;
      for (const reader of readers) {
        const choice = channels.get(reader.userId);
        if (!choice || choice.channel === 'off') continue;
        const emailNow = choice.channel === 'email_immediate' && !choice.quiet;
        rows.push({
          ...batch.content,
          userId: reader.userId,
          kind: batch.kind,
          channel: choice.channel,
          emailDueAt: emailNow ? new Date(now.getTime() + emailDelayMs) : null,
        });
      }
    }
    const stored = await this.notifications.transaction(async (manager) =>
      (await this.notifications.claimOnce(onceKey, manager)) ? this.notifications.upsert(rows, manager, now) : [],
    );
    const emails = stored.filter((n) => n.emailDueAt !== null);
    await this.queue.enqueueMany(
      emails.map((n) => ({
        name: JobName.MailImmediate,
        payload: { userId: n.userId, threadKey: n.threadKey },
        // Every notification merged into the same pending email shares its due time, hence one job.
        jobId: jobKey(JobName.MailImmediate, n.userId, n.threadKey, new Date(n.emailDueAt!).getTime()),
        delayMs: Math.max(0, new Date(n.emailDueAt!).getTime() - now.getTime()),
      })),
    );
    return stored.length;
  }
}
