import type { Type } from '@nestjs/common';

/** The program's path controllers, registered by AppModule. */
export const PROGRAM_PATH_CONTROLLERS: Type<unknown>[] = [];
