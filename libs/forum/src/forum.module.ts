import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { PostRepository, SpaceRepository, TopicRepository } from './repositories';
import { FlagRepository } from './repositories/flag.repository';
import { FlagService } from './services/flag.service';
import { ForumEvents } from './services/forum-events';
import { MentionRenderer } from './services/mention-renderer.service';
import { MentionSuggestions } from './services/mention-suggestions.service';
import { PostingRules } from './services/posting-rules.service';
import { PostService } from './services/post.service';
import { PreviewService } from './services/preview.service';
import { PreferenceService } from './services/preference.service';
import { PreferenceRepository } from './repositories/preference.repository';
import { PostWriter } from './services/post-writer.service';
import { SpaceAccess } from './services/space-access.service';
import { SpaceService } from './services/space.service';
import { TopicService } from './services/topic.service';
import { PersonalRepository } from './repositories/personal.repository';
import { PersonalService } from './services/personal.service';
import { ForumExcerpts } from './services/forum-excerpts.service';
import { ForumNoticeRepository } from './repositories/notice.repository';
import { ForumDigestSource } from './repositories/digest-source.repository';

@Module({
  imports: [IdentityModule],
  providers: [
    ForumEvents,
    SpaceRepository,
    TopicRepository,
    PostRepository,
    SpaceAccess,
    PostingRules,
    MentionRenderer,
    MentionSuggestions,
    PostWriter,
    SpaceService,
    TopicService,
    PostService,
    PreviewService,
    PreferenceRepository,
    PreferenceService,
    FlagRepository,
    FlagService,
    PersonalRepository,
    PersonalService,
    ForumExcerpts,
    ForumNoticeRepository,
    ForumDigestSource,
  ],
  exports: [
    ForumDigestSource,
    ForumExcerpts,
    ForumNoticeRepository,
    MentionSuggestions, PreviewService, PreferenceService, SpaceService, TopicService, PostService, ForumEvents, FlagService, PersonalService],
})
export class ForumModule {}
