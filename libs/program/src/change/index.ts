export * from './change.module';
