import { Module, type DynamicModule } from '@nestjs/common';
import { ChatModule } from '@app/chat';
import { CoreModule, type AppConfig } from '@app/core';
import { DatabaseModule } from '@app/database';
import { ForumModule } from '@app/forum';
import { IDENTITY_ENTITIES, IdentityModule } from '@app/identity';
import { JobsModule } from '@app/jobs';
import { KnowledgeModule } from '@app/knowledge';
import { SearchModule } from '@app/search';
import { NotificationsModule } from '@app/notifications';
import { ProgramModule } from '@app/program';

/** The background process: the same libraries (and so the same job processors) as the server, without HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config),
        JobsModule,
        DatabaseModule.forRoot({ url: databaseUrl, entities: IDENTITY_ENTITIES, poolSize: 5 }),
        IdentityModule,
        ForumModule,
        ChatModule,
        KnowledgeModule,
        SearchModule,
        NotificationsModule,
        ProgramModule,
      ],
    };
  }
}
