import { badRequest, ErrorCode, isUuid } from '@app/core';
import type { SearchPosition } from '../search-engine';

export function encodeSearchCursor(position: SearchPosition): string {
  const parts: unknown[] = [position.asOf.toISOString(), position.score, position.id];
  if (position.offset !== undefined) parts.push(position.offset);
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** A cursor the server wrote, or 400: a forged one can only move within what the reader may see anyway. */
export function decodeSearchCursor(cursor: string | undefined): SearchPosition | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && (parsed.length === 3 || parsed.length === 4)) {
      const [asOf, score, id, offset] = parsed as unknown[];
      const date = typeof asOf === 'string' ? new Date(asOf) : null;
      const offsetOk = offset === undefined || (Number.isInteger(offset) && (offset as number) >= 0 && (offset as number) <= 10_000);
      if (date && !Number.isNaN(date.getTime()) && typeof score === 'number' && Number.isFinite(score) && isUuid(id) && offsetOk) {
        return offset === undefined ? { asOf: date, score, id } : { asOf: date, score, id, offset: offset as number };
      }
    }
  } catch {
    // fall through
  }
  throw badRequest(ErrorCode.ValidationFailed, 'The cursor is not valid', [{ field: 'cursor', message: 'not a valid cursor' }]);
}
