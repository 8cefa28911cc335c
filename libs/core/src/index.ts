export * from './config';
export * from './errors';
export * from './ids';
export * from './clock';
export * from './pagination';
export * from './request-context';
export * from './logger';
export * from './core.module';
