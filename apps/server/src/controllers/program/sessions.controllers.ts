import type { Type } from '@nestjs/common';

/** The program's sessions controllers, registered by AppModule. */
export const PROGRAM_SESSIONS_CONTROLLERS: Type<unknown>[] = [];
