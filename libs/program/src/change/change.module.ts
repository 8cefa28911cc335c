import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { KnowledgeModule } from '@app/knowledge';
import { CoalitionRepository, IndicatorRepository, LogEntryRepository, ChangeProgressRepository, SchoolRepository, StepRepository, TargetRepository } from './repositories';
import { ChangeAccess, CoalitionService, IndicatorService, LogEntryService, PlanStepService, ChangeProgressService, TargetService } from './services';

const REPOSITORIES = [CoalitionRepository, IndicatorRepository, LogEntryRepository, ChangeProgressRepository, SchoolRepository, StepRepository, TargetRepository];
const SERVICES = [CoalitionService, IndicatorService, LogEntryService, PlanStepService, ChangeProgressService, TargetService];

/** Change monitoring: the guiding coalition, change targets and their plans, indicators, wins and corrections. */
@Module({
  imports: [IdentityModule, KnowledgeModule],
  providers: [...REPOSITORIES, ChangeAccess, ...SERVICES],
  exports: [...SERVICES],
})
export class ChangeModule {}
