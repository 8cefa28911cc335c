import type { Type } from '@nestjs/common';

/** The program's assessments controllers, registered by AppModule. */
export const PROGRAM_ASSESSMENTS_CONTROLLERS: Type<unknown>[] = [];
