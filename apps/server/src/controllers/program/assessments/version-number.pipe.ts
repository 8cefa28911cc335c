import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { badRequest, ErrorCode } from '@app/core';

/** A version number in a path: a whole number from 1, else a 400 before any query runs. */
@Injectable()
export class VersionNumberPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    const field = metadata.data ?? 'version';
    if (!/^[1-9][0-9]{0,5}$/.test(value)) {
      throw badRequest(ErrorCode.ValidationFailed, `${field} must be a whole number from 1`, [
        { field, message: 'must be a whole number from 1' },
      ]);
    }
    return Number(value);
  }
}
