import type { ArgumentMetadata } from '@nestjs/common';
import { strictValidationPipe } from './validation';

const pipe = strictValidationPipe();

/** The global pipe's rules, for the one place that must validate before pipes run (a passport strategy). */
export async function validateBody<T>(dto: new () => T, body: unknown): Promise<T> {
  const metadata: ArgumentMetadata = { type: 'body', metatype: dto, data: undefined };
  return pipe.transform(body ?? {}, metadata) as Promise<T>;
}
