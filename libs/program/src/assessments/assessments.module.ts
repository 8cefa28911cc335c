import { Module } from '@nestjs/common';

const PROVIDERS: never[] = [];

@Module({
  providers: [...PROVIDERS],
  exports: [...PROVIDERS],
})
export class AssessmentsModule {}
