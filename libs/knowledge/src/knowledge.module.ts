import { Module } from '@nestjs/common';
import { ChatModule } from '@app/chat';
import { ForumModule } from '@app/forum';
import { IdentityModule } from '@app/identity';
import { ArticleListRepository, ArticleRepository, CollectionRepository, CurationRepository, EngagementRepository, ReviewRepository } from './repositories';
import { KnowledgeDigestSource } from './repositories/digest-source.repository';
import { KnowledgeNoticeRepository } from './repositories/notice.repository';
import { ArticleAccess } from './services/article-access.service';
import { ArticleCycleService } from './services/article-cycle.service';
import { ArticleService } from './services/article.service';
import { CaptureService } from './services/capture.service';
import { CollectionService } from './services/collection.service';
import { CurationService } from './services/curation.service';
import { EngagementService } from './services/engagement.service';

const SERVICES = [ArticleService, ArticleCycleService, CaptureService, CollectionService, CurationService, EngagementService];

@Module({
  imports: [IdentityModule, ForumModule, ChatModule],
  providers: [ArticleRepository, ArticleListRepository, CollectionRepository, CurationRepository, EngagementRepository, ReviewRepository, ArticleAccess, KnowledgeDigestSource, KnowledgeNoticeRepository, ...SERVICES],
  exports: [...SERVICES, ArticleAccess, KnowledgeDigestSource, KnowledgeNoticeRepository],
})
export class KnowledgeModule {}
