import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { PostRepository, SpaceRepository, TopicRepository } from './repositories';
import { ForumEvents } from './services/forum-events';
import { PostingRules } from './services/posting-rules.service';
import { PostService } from './services/post.service';
import { PostWriter } from './services/post-writer.service';
import { SpaceAccess } from './services/space-access.service';
import { SpaceService } from './services/space.service';
import { TopicService } from './services/topic.service';

@Module({
  imports: [IdentityModule],
  providers: [
    ForumEvents,
    SpaceRepository,
    TopicRepository,
    PostRepository,
    SpaceAccess,
    PostingRules,
    PostWriter,
    SpaceService,
    TopicService,
    PostService,
  ],
  exports: [SpaceService, TopicService, PostService, ForumEvents],
})
export class ForumModule {}
