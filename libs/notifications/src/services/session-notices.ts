import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Clock } from '@app/core';
import { JobName, JobRegistry } from '@app/jobs';
import { SessionReminderRepository, sessionPath, type DueSessionReminder } from '@app/program';
import { Notifier } from './notifier.service';

/** Reminders are owed from a moment to the minute, like bookmark reminders. */
const SWEEP_EVERY_MS = 60 * 1000;
const SWEEP_PAGE = 500;
/** A bound on one run; whatever is left is due next minute. */
const MAX_PAGES = 20;

/**
 * Session reminders a day and an hour before the start → a 'session_reminder' notification (emailed at once by
 * default: see SENT_WITHOUT_DELAY in notification-kinds.ts). Who is owed one is the program library's query; each
 * reminder is delivered once per session, person and window (its once key), only to people who can still read the
 * session's audience (the notifier checks), never for a cancelled session (not due).
 */
@Injectable()
export class SessionNotices implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly reminders: SessionReminderRepository,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.handle(JobName.SessionReminders, () => this.sweep());
    this.registry.repeat(JobName.SessionReminders, SWEEP_EVERY_MS);
  }

  async sweep(): Promise<void> {
    const now = this.clock.now();
    for (let i = 0; i < MAX_PAGES; i += 1) {
      // Delivering claims each reminder's once key, which the query leaves out, so the next page starts afresh.
      const due = await this.reminders.due(now, SWEEP_PAGE);
      for (const reminder of due) await this.remind(reminder);
      if (due.length < SWEEP_PAGE) return;
    }
  }

  private async remind(reminder: DueSessionReminder): Promise<void> {
    await this.notifier.deliver(reminder.onceKey, [
      {
        kind: 'session_reminder',
        userIds: [reminder.userId],
        content: {
          // Day and hour are two notifications: an unread day reminder must not swallow the hour one.
          groupKey: `session:${reminder.sessionId}:${reminder.window}`,
          threadKey: `session:${reminder.sessionId}`,
          actorId: null,
          actorName: null,
          subject: reminder.title,
          detail: reminder.window,
          url: sessionPath(reminder.sessionId),
          scopeKey: reminder.scopeKey,
        },
      },
    ]);
  }
}
