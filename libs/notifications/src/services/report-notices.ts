import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ChatNoticeRepository } from '@app/chat';
import { ForumNoticeRepository } from '@app/forum';
import { JobName, JobRegistry, type JobPayloads } from '@app/jobs';
import { roomPath } from './chat-notices';
import { Notifier, type NoticeContent } from './notifier.service';

/**
 * A harm report changed status → its reporter is told, and only them. The text names the place (topic or room)
 * and the new status; never the reported post's author nor who reviewed it (actor null).
 */
@Injectable()
export class ReportNotices implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly forum: ForumNoticeRepository,
    private readonly chat: ChatNoticeRepository,
    private readonly notifier: Notifier,
  ) {}

  onModuleInit(): void {
    this.registry.handle(JobName.NotifyReportStatus, (payload) => this.statusChanged(payload));
  }

  async statusChanged({ source, flagId, status }: JobPayloads['notify.report-status']): Promise<void> {
    const report = await this.reportOf(source, flagId);
    if (!report) return;
    const content: NoticeContent = {
      ...report.place,
      groupKey: `report:${source}:${flagId}`,
      actorId: null,
      actorName: null,
      detail: status,
    };
    await this.notifier.deliver(`report:${source}:${flagId}:${status}`, [
      { kind: 'report_status', userIds: [report.reporterId], content },
    ]);
  }

  private async reportOf(source: 'post' | 'chat', flagId: string) {
    if (source === 'post') {
      const flag = await this.forum.postFlag(flagId);
      // No topicId: reading the topic must not mark the report's news as read, nor count as having seen it.
      return (
        flag && {
          reporterId: flag.reporterId,
          place: {
            threadKey: `topic:${flag.topicId}`,
            subject: flag.topicTitle,
            url: `/forum/t/${flag.topicId}`,
            scopeKey: flag.scopeKey,
          },
        }
      );
    }
    const flag = await this.chat.messageFlag(flagId);
    return (
      flag && {
        reporterId: flag.reporterId,
        place: { threadKey: `room:${flag.roomId}`, subject: flag.title, url: roomPath(flag.roomId), scopeKey: flag.scopeKey },
      }
    );
  }
}
