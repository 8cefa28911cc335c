export * from './redis.provider';
export * from './redis.module';
