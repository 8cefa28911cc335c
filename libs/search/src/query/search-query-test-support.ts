import { DomainError, ErrorCode } from '@app/core';
import { parseSearchQuery, type ParsedSearchQuery } from './search-query.parser';

export const EMPTY: ParsedSearchQuery = {
  text: '',
  types: [],
  articleTypes: [],
  tags: [],
  phases: [],
  spaces: [],
  schools: [],
  authors: [],
  statuses: [],
  after: null,
  before: null,
};
export const parsed = (overrides: Partial<ParsedSearchQuery>): ParsedSearchQuery => ({ ...EMPTY, ...overrides });
export const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

export function refusal(q: string): DomainError {
  try {
    parseSearchQuery(q);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error(`parseSearchQuery accepted ${JSON.stringify(q)}`);
}

/** Asserts the refusal shape every bad q shares, and returns the detail message. */
export function refusedMessage(q: string): string {
  const error = refusal(q);
  expect(error.code).toBe(ErrorCode.ValidationFailed);
  expect(error.code).toBe('VALIDATION_FAILED');
  expect(error.status).toBe(400);
  expect(error.details).toHaveLength(1);
  expect(error.details![0].field).toBe('q');
  return error.details![0].message;
}

