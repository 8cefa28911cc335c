export * from './path.module';
