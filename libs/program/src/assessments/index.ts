export * from './assessments.module';
