import { Module } from '@nestjs/common';
import { InstrumentRepository, LandscapeRepository, ResponseRepository, SchoolResultsRepository } from './repositories';
import { InstrumentService, LandscapeService, AssessmentResponseService, SchoolResultsService } from './services';

const SERVICES = [InstrumentService, AssessmentResponseService, SchoolResultsService, LandscapeService];

/** Readiness instruments, responses and school results, and the landscape inventory. */
@Module({
  providers: [InstrumentRepository, ResponseRepository, SchoolResultsRepository, LandscapeRepository, ...SERVICES],
  exports: [...SERVICES],
})
export class AssessmentsModule {}
