import { badRequest, ErrorCode } from './errors';
import { isUuid } from './ids';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Keyset position: the sort key and id of the last row a client saw. Never an OFFSET. */
export interface Keyset {
  key: string;
  id: string;
}

export function encodeCursor(position: Keyset): string {
  return Buffer.from(JSON.stringify([position.key, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): Keyset | undefined {
  if (!cursor) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && isUuid(parsed[1])) {
      return { key: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw badRequest(ErrorCode.ValidationFailed, 'The cursor is not valid', [{ field: 'cursor', message: 'not a valid cursor' }]);
}

/** Rows are fetched with limit + 1 to learn whether another page exists without counting. */
export function toPage<R, T>(rows: R[], limit: number, keyOf: (row: R) => Keyset, map: (row: R) => T): Page<T> {
  const hasMore = rows.length > limit;
  const visible = hasMore ? rows.slice(0, limit) : rows;
  return {
    items: visible.map(map),
    nextCursor: hasMore ? encodeCursor(keyOf(visible[visible.length - 1])) : null,
  };
}
