import { Injectable, ValidationPipe, type ArgumentMetadata, type PipeTransform, type ValidationError } from '@nestjs/common';
import { badRequest, ErrorCode, isUuid, type ErrorDetail } from '@app/core';

function flatten(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Strict everywhere: unknown fields are a 400, so nobody sets `role` or `authorId` by adding a field. */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      return badRequest(
        ErrorCode.ValidationFailed,
        details.map((d) => d.message).join('; ') || 'The request is not valid',
        details,
      );
    },
  });
}

/** Route ids must be UUIDs; anything else is a 400 before any query runs. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!isUuid(value)) {
      throw badRequest(ErrorCode.InvalidId, `${metadata.data ?? 'id'} must be a UUID`, [
        { field: metadata.data ?? 'id', message: 'must be a UUID' },
      ]);
    }
    return value.toLowerCase();
  }
}
