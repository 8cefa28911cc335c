export * from './sessions.module';
