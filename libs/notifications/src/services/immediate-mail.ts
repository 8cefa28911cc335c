import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Clock } from '@app/core';
import { AccessPolicy, ActorRepository, UserRepository, type ScopeKey } from '@app/identity';
import { JobName, JobQueue, JobRegistry, jobKey } from '@app/jobs';
import { MailOutbox } from '../mail/mail-outbox.service';
import { KIND_LABELS, type NotificationKind } from '../notification-kinds';
import { NotificationRepository } from '../repositories/notification.repository';
import { PreferenceRepository } from '../repositories/preference.repository';
import { notificationText } from './notification.presenter';

const SWEEP_EVERY_MS = 60_000;
/** An email this late has lost its job (a crash between commit and enqueue): the sweep schedules it again. */
const OVERDUE_MS = 60_000;

/**
 * Immediate email, coalesced per person and thread: everything unseen in one topic since the last email becomes one
 * message. Nothing is sent for what the person already saw in the app (read it, or read the topic past it), nor in
 * quiet mode, nor what they may no longer read.
 */
@Injectable()
export class ImmediateMail implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly notifications: NotificationRepository,
    private readonly preferences: PreferenceRepository,
    private readonly actors: ActorRepository,
    private readonly users: UserRepository,
    private readonly outbox: MailOutbox,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.handle(JobName.MailImmediate, ({ userId, threadKey }) => this.send(userId, threadKey));
    this.registry.handle(JobName.MailImmediateSweep, () => this.sweep());
    this.registry.repeat(JobName.MailImmediateSweep, SWEEP_EVERY_MS);
  }

  async send(userId: string, threadKey: string): Promise<void> {
    const now = this.clock.now();
    const [actor, user, settings] = await Promise.all([
      this.actors.byUserId(userId),
      this.users.findById(userId),
      this.preferences.settings(userId),
    ]);
    await this.notifications.transaction(async (manager) => {
      const due = await this.notifications.dueForEmail(userId, threadKey, now, manager);
      if (due.length === 0) return;
      const quiet = settings.quietUntil !== null && settings.quietUntil > now;
      // Seen in the app means read: reading a topic marks its notifications read (topic_read trigger), so `due` holds
      // only unseen ones.
      const readable = actor ? due.filter((n) => AccessPolicy.canRead(actor, n.scopeKey as ScopeKey)) : [];
      // Marked as handled either way: quiet or out of reach, it is not to be emailed later either.
      await this.notifications.markEmailed(due.map((n) => n.id), now, manager);
      if (quiet || readable.length === 0 || !user) return;
      const first = readable[0];
      const kind = first.kind as NotificationKind;
      const subject = readable.length === 1 ? notificationText(first) : `${readable.length} updates in “${first.subject}”`;
      await this.outbox.queue(
        {
          userId,
          to: user.email,
          purpose: 'immediate',
          subject,
          threadKey,
          content: {
            heading: subject,
            sections: [{ items: readable.map((n) => ({ title: notificationText(n), url: n.url })) }],
            action: { label: 'Open it', url: first.url },
            footer: { reason: `You get these emails for: ${KIND_LABELS[kind].toLowerCase()}.` },
          },
          unsubscribe: { userId, topic: kind, label: KIND_LABELS[kind] },
        },
        manager,
      );
    });
  }

  async sweep(): Promise<void> {
    const overdue = await this.notifications.overdueEmailThreads(new Date(this.clock.now().getTime() - OVERDUE_MS), 1000);
    await this.queue.enqueueMany(
      overdue.map((t) => ({ name: JobName.MailImmediate, payload: t, jobId: jobKey('mail.immediate-late', t.userId, t.threadKey) })),
    );
    await this.notifications.forgetOldOnceKeys(new Date(this.clock.now().getTime() - 30 * 86_400_000));
  }
}
