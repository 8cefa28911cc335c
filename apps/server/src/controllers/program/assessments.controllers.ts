import type { Type } from '@nestjs/common';
import { InstrumentController } from './assessments/instrument.controller';
import { MyAssessmentsController } from './assessments/my-assessments.controller';
import { SchoolAssessmentController } from './assessments/school-assessment.controller';

/** The program's assessments controllers, registered by AppModule. */
export const PROGRAM_ASSESSMENTS_CONTROLLERS: Type<unknown>[] = [
  InstrumentController,
  MyAssessmentsController,
  SchoolAssessmentController,
];
