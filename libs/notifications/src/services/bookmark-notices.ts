import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Clock } from '@app/core';
import { ForumNoticeRepository, postPath, type DueReminder } from '@app/forum';
import { JobName, JobRegistry } from '@app/jobs';
import { Notifier } from './notifier.service';

/** People set reminders to the minute. */
const SWEEP_EVERY_MS = 60 * 1000;
const SWEEP_PAGE = 500;
/** A bound on one run; whatever is left is due next minute. */
const MAX_PAGES = 20;

/** Bookmark reminders that fell due → a notification to the person who set them, if they may still read the post. */
@Injectable()
export class BookmarkNotices implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly forum: ForumNoticeRepository,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.handle(JobName.BookmarkReminders, () => this.sweep());
    this.registry.repeat(JobName.BookmarkReminders, SWEEP_EVERY_MS);
  }

  async sweep(): Promise<void> {
    const now = this.clock.now();
    for (let i = 0; i < MAX_PAGES; i += 1) {
      // Each reminder handled is cleared, so the next page starts where this one ended.
      const due = await this.forum.dueReminders(now, SWEEP_PAGE);
      for (const reminder of due) await this.remind(reminder);
      if (due.length < SWEEP_PAGE) return;
    }
  }

  /**
   * Told before cleared, and once per reminder (the key names its moment), so a run killed in between neither
   * loses it nor tells twice. A post hidden since, or out of the person's scopes now (checked by the notifier),
   * tells nothing, and the reminder is spent all the same.
   */
  private async remind(reminder: DueReminder): Promise<void> {
    const at = new Date(reminder.reminderAt);
    if (reminder.visible) {
      await this.notifier.deliver(`bookmark:${reminder.userId}:${reminder.postId}:${at.getTime()}`, [
        {
          kind: 'bookmark_reminder',
          userIds: [reminder.userId],
          content: {
            groupKey: `bookmark:${reminder.postId}`,
            threadKey: `topic:${reminder.topicId}`,
            actorId: null,
            actorName: null,
            subject: reminder.topicTitle,
            // No topicId: having read the topic must not silence a reminder the person asked for.
            url: postPath(reminder.topicId, reminder.postNumber),
            scopeKey: reminder.scopeKey,
          },
        },
      ]);
    }
    await this.forum.clearReminder(reminder.userId, reminder.postId, at);
  }
}
