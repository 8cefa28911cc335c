import type { Type } from '@nestjs/common';
import { CoalitionController } from './change/coalition.controller';
import { IndicatorController } from './change/indicator.controller';
import { LogEntryController } from './change/log-entry.controller';
import { PlanStepController } from './change/plan-step.controller';
import { ChangeProgressController } from './change/progress.controller';
import { ChangeTargetController } from './change/target.controller';

/** The program's change controllers, registered by AppModule. */
export const PROGRAM_CHANGE_CONTROLLERS: Type<unknown>[] = [
  CoalitionController,
  ChangeTargetController,
  PlanStepController,
  IndicatorController,
  LogEntryController,
  ChangeProgressController,
];
