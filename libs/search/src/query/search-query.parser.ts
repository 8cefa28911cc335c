import { badRequest, ErrorCode, type DomainError } from '@app/core';
import { ARTICLE_TYPES, type ArticleType } from '@app/knowledge';

export { ARTICLE_TYPES, type ArticleType };

export const SEARCH_TYPES = ['topic', 'post', 'article', 'collection'] as const;
export const SEARCH_STATUSES = ['open', 'closed', 'archived', 'published', 'needs_review', 'draft', 'in_review'] as const;
/** A q longer than this many UTF-8 bytes is refused. */
export const MAX_QUERY_BYTES = 1024;
export const MAX_VALUES_PER_FILTER = 20;
export const MAX_TAG_LENGTH = 50;
export const FILTER_NAMES = [
  'type',
  'tag',
  'tags',
  'phase',
  'in',
  'space',
  'school',
  'author',
  'status',
  'after',
  'before',
] as const;

export type SearchType = (typeof SEARCH_TYPES)[number];
export type SearchStatus = (typeof SEARCH_STATUSES)[number];

export interface ParsedSearchQuery {
  /** Free text left after the filters are taken out, for websearch_to_tsquery; whitespace-collapsed, may be ''. */
  text: string;
  types: SearchType[];
  articleTypes: ArticleType[];
  tags: string[];
  phases: number[];
  spaces: string[];
  schools: string[];
  authors: string[];
  statuses: SearchStatus[];
  /** Start of that UTC day, inclusive. */
  after: Date | null;
  /** Start of that UTC day, exclusive. */
  before: Date | null;
}

type ListField = Exclude<keyof ParsedSearchQuery, 'text' | 'after' | 'before'>;
type Accumulator = { [K in ListField]: Set<ParsedSearchQuery[K][number]> } & { after: Date | null; before: Date | null };

interface FilterSpec {
  /** Whether `name:a,b` is a list of values. */
  list: boolean;
  /** Named in every refusal, so the user learns what to type instead. */
  allowed: string;
  /** Records the (lowercased) value; false when it is not an allowed value. */
  apply(value: string, acc: Accumulator): boolean;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HANDLE = /^[a-z0-9](?:[a-z0-9_.-]{0,38}[a-z0-9])?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
// A double-quoted phrase (optionally negated with a leading -) that runs to its closing quote or the end of q,
// glued to whatever non-space follows; otherwise a bare run of non-space characters.
const TOKEN = /(-?"[^"]*)(?:"|$)(\S*)|\S+/g;
const FILTER_TOKEN = /^([A-Za-z]+):(.*)$/;
const EMPTY_PHRASE = /^-?"\s*"$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;

function refuse(message: string): DomainError {
  return badRequest(ErrorCode.ValidationFailed, 'The search query is not valid', [{ field: 'q', message }]);
}

/** User input echoed in a message, quoted and cut short. */
const show = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);

function add<T>(set: Set<T>, value: T, field: ListField): true {
  set.add(value);
  if (set.size > MAX_VALUES_PER_FILTER)
    throw refuse(`At most ${MAX_VALUES_PER_FILTER} ${field} values are allowed in one search`);
  return true;
}

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

function utcDay(value: string): Date | null {
  if (!DAY.test(value)) return null;
  const day = new Date(`${value}T00:00:00.000Z`);
  // Rejects 2024-13-45 and also 2025-02-30, which Date would otherwise roll over into March.
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value) ? day : null;
}

function checkRange(after: Date | null, before: Date | null): void {
  if (after && before && after.getTime() >= before.getTime()) {
    throw refuse('after: must be an earlier day than before: (before is exclusive)');
  }
}

const slugFilter = (field: 'spaces' | 'schools'): FilterSpec => ({
  list: true,
  allowed: 'a slug of lowercase letters and digits joined by single hyphens, e.g. admissions-lab',
  apply: (value, acc) => SLUG.test(value) && add(acc[field], value, field),
});

const tagFilter: FilterSpec = {
  list: true,
  allowed: `a tag of up to ${MAX_TAG_LENGTH} characters without spaces, commas or double quotes; several as tag:a,b`,
  // Quotes belong to phrases; a tag such as tag:"a b" would otherwise be split into a tag and stray text.
  apply: (value, acc) => !value.includes('"') && [...value].length <= MAX_TAG_LENGTH && add(acc.tags, value, 'tags'),
};

const dateFilter = (field: 'after' | 'before'): FilterSpec => ({
  list: false,
  allowed: 'a calendar day as YYYY-MM-DD, e.g. 2025-01-31',
  apply: (value, acc) => {
    const day = utcDay(value);
    if (!day) return false;
    const earlier = acc[field];
    if (earlier && earlier.getTime() !== day.getTime()) throw refuse(`${field}: may be given only once`);
    acc[field] = day;
    return true;
  },
});

const FILTERS: Record<(typeof FILTER_NAMES)[number], FilterSpec> = {
  type: {
    list: true,
    allowed: `${[...SEARCH_TYPES, ...ARTICLE_TYPES].join(', ')} (hyphens also accepted, e.g. case-study)`,
    apply: (value, acc) => {
      const type = value.replace(/-/g, '_');
      if (isOneOf(SEARCH_TYPES, type)) return add(acc.types, type, 'types');
      return isOneOf(ARTICLE_TYPES, type) && add(acc.articleTypes, type, 'articleTypes');
    },
  },
  tag: tagFilter,
  tags: tagFilter,
  phase: {
    list: true,
    allowed: 'a phase from 1 to 6',
    apply: (value, acc) => /^[1-6]$/.test(value) && add(acc.phases, Number(value), 'phases'),
  },
  in: slugFilter('spaces'),
  space: slugFilter('spaces'),
  school: slugFilter('schools'),
  author: {
    list: true,
    allowed: 'a member handle (letters, digits, _ . -; up to 40 characters), with or without a leading @',
    apply: (value, acc) => {
      const handle = value.replace(/^@/, '');
      return HANDLE.test(handle) && add(acc.authors, handle, 'authors');
    },
  },
  status: {
    list: true,
    allowed: `${SEARCH_STATUSES.join(', ')} (hyphens also accepted, e.g. needs-review)`,
    apply: (value, acc) => {
      const status = value.replace(/-/g, '_');
      return isOneOf(SEARCH_STATUSES, status) && add(acc.statuses, status, 'statuses');
    },
  },
  after: dateFilter('after'),
  before: dateFilter('before'),
};

/** Colons in URLs and e-mail links are text, not an attempt at a filter. */
const isLink = (name: string, value: string) => /^(?:https?|mailto)$/i.test(name) || value.startsWith('//');

function applyFilter(rawName: string, rawValue: string, acc: Accumulator): void {
  const name = rawName.toLowerCase();
  // hasOwn, not `in`: names like "constructor" must be unknown, not Object.prototype members.
  if (!Object.hasOwn(FILTERS, name)) {
    throw refuse(
      `Unknown search filter ${show(`${rawName}:`)}; the known filters are ${FILTER_NAMES.map((n) => `${n}:`).join(', ')}`,
    );
  }
  const spec = FILTERS[name as keyof typeof FILTERS];
  const values = spec.list ? rawValue.split(',') : [rawValue];
  for (const value of values) {
    if (!value) throw refuse(`${name}: needs a value: ${spec.allowed}`);
    if (!spec.apply(value.toLowerCase(), acc)) throw refuse(`${name}: ${show(value)} is not allowed; expected ${spec.allowed}`);
  }
}

/**
 * Splits a search box string into free text and Discourse-style `name:value` filters.
 * Throws only DomainError (400 VALIDATION_FAILED on field q).
 */
export function parseSearchQuery(q: string): ParsedSearchQuery {
  // A repeated ?q=a&q=b arrives as an array; refuse it here rather than fail with a TypeError below.
  if (q === undefined || q === null) q = '';
  if (typeof q !== 'string') throw refuse('q must be a single string');
  const bytes = Buffer.byteLength(q, 'utf8');
  if (bytes > MAX_QUERY_BYTES) throw refuse(`q is at most ${MAX_QUERY_BYTES} bytes (UTF-8); this one is ${bytes}`);

  const acc: Accumulator = {
    types: new Set(),
    articleTypes: new Set(),
    tags: new Set(),
    phases: new Set(),
    spaces: new Set(),
    schools: new Set(),
    authors: new Set(),
    statuses: new Set(),
    after: null,
    before: null,
  };
  const text: string[] = [];
  for (const match of q.replace(CONTROL, ' ').matchAll(TOKEN)) {
    // An unterminated phrase is closed at the end of q.
    const token = match[1] === undefined ? match[0] : `${match[1]}"${match[2]}`;
    const filter = FILTER_TOKEN.exec(token);
    if (filter && !isLink(filter[1], filter[2])) {
      applyFilter(filter[1], filter[2], acc);
    } else if (token.startsWith('@') && HANDLE.test(token.slice(1).toLowerCase())) {
      add(acc.authors, token.slice(1).toLowerCase(), 'authors');
    } else if (!EMPTY_PHRASE.test(token)) {
      text.push(token);
    }
  }
  checkRange(acc.after, acc.before);

  return {
    text: text.join(' ').replace(/\s+/g, ' ').trim(),
    types: [...acc.types],
    articleTypes: [...acc.articleTypes],
    tags: [...acc.tags],
    phases: [...acc.phases],
    spaces: [...acc.spaces],
    schools: [...acc.schools],
    authors: [...acc.authors],
    statuses: [...acc.statuses],
    after: acc.after,
    before: acc.before,
  };
}

function union<T>(inline: T[], explicit: T[] | undefined, field: ListField): T[] {
  const merged = new Set<T>();
  for (const value of [...inline, ...(explicit ?? [])]) {
    add(merged, (typeof value === 'string' ? value.toLowerCase() : value) as T, field);
  }
  return [...merged];
}

/**
 * Combines the filters typed into q with the controller's separate query parameters: each list is the
 * deduplicated union (inline values first); the dates keep the narrower range, since both bounds apply.
 * Explicit values are expected to be validated already (by the request DTO); only their count and the
 * date order are checked here.
 */
export function mergeFilters(parsed: ParsedSearchQuery, explicit: Partial<Omit<ParsedSearchQuery, 'text'>>): ParsedSearchQuery {
  const later = (a: Date | null, b: Date | null | undefined) => (a && b ? (a > b ? a : b) : (a ?? b ?? null));
  const earlier = (a: Date | null, b: Date | null | undefined) => (a && b ? (a < b ? a : b) : (a ?? b ?? null));
  const merged: ParsedSearchQuery = {
    text: parsed.text,
    types: union(parsed.types, explicit.types, 'types'),
    articleTypes: union(parsed.articleTypes, explicit.articleTypes, 'articleTypes'),
    tags: union(parsed.tags, explicit.tags, 'tags'),
    phases: union(parsed.phases, explicit.phases, 'phases'),
    spaces: union(parsed.spaces, explicit.spaces, 'spaces'),
    schools: union(parsed.schools, explicit.schools, 'schools'),
    authors: union(parsed.authors, explicit.authors, 'authors'),
    statuses: union(parsed.statuses, explicit.statuses, 'statuses'),
    after: later(parsed.after, explicit.after),
    before: earlier(parsed.before, explicit.before),
  };
  checkRange(merged.after, merged.before);
  return merged;
}
