import { Module } from '@nestjs/common';
import { ChatModule } from '@app/chat';
import { ForumModule } from '@app/forum';
import { IdentityModule } from '@app/identity';
import { KnowledgeModule } from '@app/knowledge';
import { LearningPathModule, SessionsModule } from '@app/program';
import { DIGEST_PROVIDERS } from './digest';
import { MAIL_PROVIDERS } from './mail';
import { NotificationRepository } from './repositories/notification.repository';
import { PreferenceRepository } from './repositories/preference.repository';
import { BookmarkNotices } from './services/bookmark-notices';
import { ChatNotices } from './services/chat-notices';
import { ForumNotices } from './services/forum-notices';
import { ImmediateMail } from './services/immediate-mail';
import { KnowledgeNotices } from './services/knowledge-notices';
import { NotificationService } from './services/notification.service';
import { Notifier } from './services/notifier.service';
import { NotificationPreferenceService } from './services/preference.service';
import { ReportNotices } from './services/report-notices';
import { SessionNotices } from './services/session-notices';
import { ProgramNotices } from './services/program-notices';

const EXPORTED = [...MAIL_PROVIDERS, PreferenceRepository, NotificationService, NotificationPreferenceService, Notifier];

@Module({
  imports: [IdentityModule, ForumModule, ChatModule, KnowledgeModule, LearningPathModule, SessionsModule],
  providers: [...EXPORTED, NotificationRepository, ForumNotices, ChatNotices, ReportNotices, KnowledgeNotices, BookmarkNotices, ProgramNotices, SessionNotices, ImmediateMail, ...DIGEST_PROVIDERS],
  exports: EXPORTED,
})
export class NotificationsModule {}
