import { DomainError, ErrorCode } from './errors';
import { decodeCursor, encodeCursor, toPage, type Keyset } from './pagination';

const ID = '0b6f5a8e-3c1d-4f7a-9a9b-1d2e3f4a5b6c';
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function decodeError(cursor: string): DomainError {
  try {
    decodeCursor(cursor);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error(`decodeCursor accepted ${JSON.stringify(cursor)}`);
}

describe('cursor encoding', () => {
  it.each<Keyset>([
    { key: '2025-03-01T10:00:00.000Z', id: ID },
    { key: '', id: ID },
    { key: 'Zoë "Ngũgĩ", MD', id: ID },
    { key: '["nested"], {"id":1}', id: ID },
    { key: '🩺 cardiology +/=', id: ID },
  ])('round-trips %j', (position) => {
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('produces a URL-safe cursor that needs no escaping in a query string', () => {
    const cursor = encodeCursor({ key: '??>>~~ünïcode//++', id: ID });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('treats a missing or empty cursor as the first page', () => {
    expect(decodeCursor(undefined)).toBeUndefined();
    expect(decodeCursor('')).toBeUndefined();
  });
});

describe('a garbage cursor is a 400 VALIDATION_FAILED on the cursor field', () => {
  it.each<[string, string]>([
    ['not base64 or JSON', 'garbage!!'],
    ['plain text', 'hello'],
    ['a JSON object', cursorOf({ key: 'a', id: ID })],
    ['a one-element array', cursorOf(['a'])],
    ['a three-element array', cursorOf(['a', ID, 'c'])],
    ['a non-string id', cursorOf(['a', 1])],
    // The id is compared with a uuid column; a non-UUID must be a 400 here, not a cast error (500) in PostgreSQL.
    ['an id that is not a UUID', cursorOf(['a', 'row-3'])],
    ['an id with SQL in it', cursorOf(['a', "' OR 1=1 --"])],
    ['a null key', cursorOf([null, ID])],
    ['a numeric key', cursorOf([1, ID])],
    ['JSON null', cursorOf(null)],
    ['a JSON string', cursorOf('a')],
    ['truncated JSON', Buffer.from('["a","b"').toString('base64url')],
  ])('%s', (_name, cursor) => {
    const error = decodeError(cursor);
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.status).toBe(400);
    expect(error.details).toEqual([{ field: 'cursor', message: expect.any(String) }]);
  });
});

describe('toPage', () => {
  interface Row {
    createdAt: string;
    id: string;
  }
  const idOf = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
  const rows = (n: number): Row[] => Array.from({ length: n }, (_, i) => ({ createdAt: `2025-01-0${i + 1}`, id: idOf(i + 1) }));
  const keyOf = (row: Row): Keyset => ({ key: row.createdAt, id: row.id });
  const map = (row: Row) => row.createdAt;

  it('returns limit items and a cursor at the last one shown when limit + 1 rows came back', () => {
    const page = toPage(rows(4), 3, keyOf, map);
    expect(page.items).toEqual(['2025-01-01', '2025-01-02', '2025-01-03']);
    expect(page.nextCursor).not.toBeNull();
    // The extra row only signals "there is more"; the next page starts after the last row shown, so it is not skipped.
    expect(decodeCursor(page.nextCursor!)).toEqual({ key: '2025-01-03', id: idOf(3) });
  });

  it('returns no cursor when exactly limit rows came back (this is the last page)', () => {
    const page = toPage(rows(3), 3, keyOf, map);
    expect(page.items).toEqual(['2025-01-01', '2025-01-02', '2025-01-03']);
    expect(page.nextCursor).toBeNull();
  });

  it('returns no cursor when fewer than limit rows came back', () => {
    expect(toPage(rows(1), 3, keyOf, map)).toEqual({ items: ['2025-01-01'], nextCursor: null });
  });

  it('returns an empty page with no cursor when nothing came back', () => {
    expect(toPage([], 3, keyOf, map)).toEqual({ items: [], nextCursor: null });
  });

  it('maps only the rows it returns', () => {
    const mapped: string[] = [];
    toPage(rows(3), 2, keyOf, (row) => {
      mapped.push(row.createdAt);
      return row.createdAt;
    });
    expect(mapped).toEqual(['2025-01-01', '2025-01-02']);
  });
});
