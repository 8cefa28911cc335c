import { badRequest, ErrorCode, isUuid } from '@app/core';
import type { SearchPosition } from '../search-engine';

export function encodeSearchCursor(position: SearchPosition): string {
  return Buffer.from(JSON.stringify([position.asOf.toISOString(), position.score, position.id])).toString('base64url');
}

/** A cursor the server wrote, or 400: a forged one can only move within what the reader may see anyway. */
export function decodeSearchCursor(cursor: string | undefined): SearchPosition | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 3) {
      const [asOf, score, id] = parsed as unknown[];
      const date = typeof asOf === 'string' ? new Date(asOf) : null;
      if (date && !Number.isNaN(date.getTime()) && typeof score === 'number' && Number.isFinite(score) && isUuid(id)) {
        return { asOf: date, score, id };
      }
    }
  } catch {
    // fall through
  }
  throw badRequest(ErrorCode.ValidationFailed, 'The cursor is not valid', [{ field: 'cursor', message: 'not a valid cursor' }]);
}
