import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { CoreModule, type AppConfig, type Clock } from '@app/core';
import { DatabaseModule } from '@app/database';
import { ChatModule } from '@app/chat';
import { ForumModule } from '@app/forum';
import { KnowledgeModule } from '@app/knowledge';
import { SearchModule } from '@app/search';
import { NotificationsModule } from '@app/notifications';
import { ProgramModule } from '@app/program';
import { IDENTITY_ENTITIES, IdentityModule } from '@app/identity';
import { JobsModule } from '@app/jobs';
import { AuthController } from './controllers/auth.controller';
import { CohortController } from './controllers/cohort.controller';
import { ChatMessageController } from './controllers/chat-message.controller';
import { FlagController } from './controllers/flag.controller';
import { GroupController } from './controllers/group.controller';
import { InstitutionController } from './controllers/institution.controller';
import { InvitationController } from './controllers/invitation.controller';
import { MeController } from './controllers/me.controller';
import { MemberController } from './controllers/member.controller';
import { PostController } from './controllers/post.controller';
import { RoomController } from './controllers/room.controller';
import { RoomFacilitationController } from './controllers/room-facilitation.controller';
import { SpaceController } from './controllers/space.controller';
import { TopicController } from './controllers/topic.controller';
import { ForumPersonalController } from './controllers/forum-personal.controller';
import { ArticleController } from './controllers/article.controller';
import { ArticleCycleController } from './controllers/article-cycle.controller';
import { ArticleEngagementController } from './controllers/article-engagement.controller';
import { CollectionController } from './controllers/collection.controller';
import { CurationController } from './controllers/curation.controller';
import { SearchController } from './controllers/search.controller';
import { AdminJobsController } from './controllers/admin-jobs.controller';
import { NotificationController } from './controllers/notification.controller';
import { UnsubscribeController } from './controllers/unsubscribe.controller';
import { PROGRAM_ASSESSMENTS_CONTROLLERS } from './controllers/program/assessments.controllers';
import { PROGRAM_CHANGE_CONTROLLERS } from './controllers/program/change.controllers';
import { PROGRAM_PATH_CONTROLLERS } from './controllers/program/path.controllers';
import { PROGRAM_SESSIONS_CONTROLLERS } from './controllers/program/sessions.controllers';
import { DemoContent } from './demo/demo-content';
import { DemoKnowledge } from './demo/demo-knowledge';
import { DEMO_PROGRAM_PROVIDERS } from './demo';
import { HealthController } from './health/health.controller';
import { AllExceptionsFilter } from './http/all-exceptions.filter';
import { AuthGuard } from './http/auth.guard';
import { LocalStrategy } from './http/local.strategy';
import { ChatGateway } from './realtime/chat.gateway';
import { ForumGateway } from './realtime/forum.gateway';
import { RealtimeGateway } from './realtime/realtime.gateway';
import { NotificationPush } from './realtime/notification-push';

export interface ServerModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  /** Tests pass a clock they can move. */
  clock?: Clock;
}

@Module({})
export class AppModule {
  static forRoot(options: ServerModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(options.config, options.clock),
        JobsModule,
        DatabaseModule.forRoot({ url: options.databaseUrl, entities: IDENTITY_ENTITIES }),
        PassportModule,
        IdentityModule,
        ForumModule,
        ChatModule,
        KnowledgeModule,
        SearchModule,
        NotificationsModule,
        ProgramModule,
      ],
      controllers: [
        AuthController,
        MeController,
        InvitationController,
        InstitutionController,
        CohortController,
        GroupController,
        MemberController,
        SpaceController,
        TopicController,
        PostController,
        FlagController,
        ForumPersonalController,
        ArticleController,
        ArticleCycleController,
        ArticleEngagementController,
        CollectionController,
        CurationController,
        SearchController,
        AdminJobsController,
        NotificationController,
        UnsubscribeController,
        RoomController,
        RoomFacilitationController,
        ChatMessageController,
        ...PROGRAM_PATH_CONTROLLERS,
        ...PROGRAM_SESSIONS_CONTROLLERS,
        ...PROGRAM_ASSESSMENTS_CONTROLLERS,
        ...PROGRAM_CHANGE_CONTROLLERS,
        HealthController,
      ],
      providers: [
        LocalStrategy,
        RealtimeGateway,
        ForumGateway,
        ChatGateway,
        NotificationPush,
        DemoContent,
        DemoKnowledge,
        ...DEMO_PROGRAM_PROVIDERS,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
