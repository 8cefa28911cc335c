import type { Type } from '@nestjs/common';
import { MyPathController } from './path/my-path.controller';
import { PathCohortController } from './path/path-cohort.controller';
import { PathContentController } from './path/path-content.controller';
import { PathPhaseController } from './path/path-phase.controller';

/** The program's path controllers, registered by AppModule. */
export const PROGRAM_PATH_CONTROLLERS: Type<unknown>[] = [PathPhaseController, PathContentController, MyPathController, PathCohortController];
