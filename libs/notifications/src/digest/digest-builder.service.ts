import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@app/core';
import { ActorRepository, UserRepository } from '@app/identity';
import { MailOutbox } from '../mail/mail-outbox.service';
import { DIGEST_TOPIC } from '../notification-kinds';
import { PreferenceRepository } from '../repositories/preference.repository';
import { DigestCollector } from './digest-collector.service';
import { digestEmail, hasNews, itemCount } from './digest-email';
import { periodOf, PERIOD_DAYS } from './digest-period';
import { DigestRepository } from './digest.repository';

export type DigestOutcome = 'sent' | 'empty' | 'done_before' | 'no_recipient';

const DAY_MS = 86_400_000;
/** However long someone had no digest (quiet mode, 'never' for months), one looks back at most this far. */
const MAX_LOOKBACK_DAYS = 30;
const DIGEST_LABEL = 'Email digest';

/**
 * Builds and queues one person's digest for one period, exactly once: the content is read, then the period is claimed
 * and the mail queued (outgoing_mail and its send job) in ONE transaction. A worker killed or failing mid-way rolls it
 * all back, so the retry starts clean; a second run of the same job finds the claim and does nothing.
 */
@Injectable()
export class DigestBuilder {
  private readonly logger = new Logger(DigestBuilder.name);

  constructor(
    private readonly digests: DigestRepository,
    private readonly collector: DigestCollector,
    private readonly actors: ActorRepository,
    private readonly users: UserRepository,
    private readonly preferences: PreferenceRepository,
    private readonly outbox: MailOutbox,
    private readonly clock: Clock,
  ) {}

  async build(userId: string, periodKey: string): Promise<DigestOutcome> {
    const period = periodOf(periodKey);
    if (!period) throw new Error(`not a digest period: ${JSON.stringify(periodKey)}`);
    const now = this.clock.now();
    // Everything is read before the transaction (prepared reads, planned once per connection); the transaction only
    // claims the period and queues the mail, so it holds its connection for a few statements.
    const [actor, user, settings, previous] = await Promise.all([
      this.actors.byUserId(userId),
      this.users.findById(userId),
      this.preferences.settings(userId),
      this.digests.previousAt(userId, periodKey),
    ]);
    const since = new Date(
      Math.max(previous?.getTime() ?? now.getTime() - PERIOD_DAYS[period] * DAY_MS, now.getTime() - MAX_LOOKBACK_DAYS * DAY_MS),
    );
    const items = actor && user ? await this.collector.collect(actor, since, now) : null;
    return this.digests.transaction(async (manager) => {
      if (!(await this.digests.claim(userId, periodKey, now, manager))) return 'done_before';
      // Deactivated or gone: the claim stays, so the tick stops asking for this period.
      if (!items || !user) return 'no_recipient';
      // Nothing new: no mail, but the period stays claimed so the next tick does not build it again.
      if (!hasNews(items)) return 'empty';
      const { subject, content } = digestEmail(items, { displayName: user.displayName, timeZone: settings.timeZone }, period, since);
      const mailId = await this.outbox.queue(
        { userId, to: user.email, purpose: 'digest', subject, content, unsubscribe: { userId, topic: DIGEST_TOPIC, label: DIGEST_LABEL } },
        manager,
      );
      await this.digests.complete(userId, periodKey, itemCount(items), mailId, manager);
      this.logger.debug({ userId, periodKey, items: itemCount(items) }, 'digest queued');
      return 'sent';
    });
  }
}
