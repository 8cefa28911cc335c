import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createDataSource, runMigrations, type EntityList } from './data-source';
import { PREPARED_READS_OPTIONS, PreparedReads } from './prepared-reads';

export interface DatabaseModuleOptions {
  url: string;
  entities: EntityList;
  poolSize?: number;
  /** Connections of the prepared-reads pool (opened on demand); defaults to `poolSize`. */
  readPoolSize?: number;
}

const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');

class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** Provides the one DataSource, with every committed migration applied before the app serves anything. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DATABASE_OPTIONS, useValue: options },
        {
          provide: DataSource,
          inject: [DATABASE_OPTIONS],
          useFactory: async (opts: DatabaseModuleOptions) => {
            const dataSource = createDataSource(opts.url, opts.entities, opts.poolSize);
            await dataSource.initialize();
            await runMigrations(dataSource);
            return dataSource;
          },
        },
        DataSourceCloser,
        {
          provide: PREPARED_READS_OPTIONS,
          useValue: { url: options.url, poolSize: options.readPoolSize ?? options.poolSize ?? 10 },
        },
        PreparedReads,
      ],
      exports: [DataSource, PreparedReads, PREPARED_READS_OPTIONS],
    };
  }
}
