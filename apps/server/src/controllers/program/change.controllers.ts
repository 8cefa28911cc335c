import type { Type } from '@nestjs/common';

/** The program's change controllers, registered by AppModule. */
export const PROGRAM_CHANGE_CONTROLLERS: Type<unknown>[] = [];
