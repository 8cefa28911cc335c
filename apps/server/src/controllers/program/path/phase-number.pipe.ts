import { Injectable, type PipeTransform } from '@nestjs/common';
import { badRequest, ErrorCode } from '@app/core';

/** `/program/phases/:number`: 1 to 6; anything else is a 400 before any query runs, like UuidPipe for ids. */
@Injectable()
export class PhaseNumberPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^[1-6]$/.test(value)) {
      throw badRequest(ErrorCode.ValidationFailed, 'phase must be a number from 1 to 6', [
        { field: 'number', message: 'must be 1 to 6' },
      ]);
    }
    return Number(value);
  }
}
