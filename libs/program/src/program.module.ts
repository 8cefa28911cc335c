import { Module } from '@nestjs/common';
import { AssessmentsModule } from './assessments';
import { ChangeModule } from './change';
import { LearningPathModule } from './path';
import { SessionsModule } from './sessions';

/**
 * The change program: the learning path (phases, modules, progress), sessions and the calendar, readiness
 * assessments and the landscape inventory, and change targets with their monitoring. Each area is its own module.
 */
@Module({
  imports: [LearningPathModule, SessionsModule, AssessmentsModule, ChangeModule],
  exports: [LearningPathModule, SessionsModule, AssessmentsModule, ChangeModule],
})
export class ProgramModule {}
