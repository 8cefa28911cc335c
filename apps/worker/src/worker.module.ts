import { Module, type DynamicModule } from '@nestjs/common';
import { CoreModule, type AppConfig } from '@app/core';
import { DatabaseModule } from '@app/database';
import { IDENTITY_ENTITIES } from '@app/identity';
import { RedisModule } from '@app/jobs';

/** The background process: the same libraries as the server, without HTTP. Processors register here. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CoreModule.forRoot(config), RedisModule, DatabaseModule.forRoot({ url: databaseUrl, entities: IDENTITY_ENTITIES, poolSize: 5 })],
    };
  }
}
