import { badRequest, ErrorCode, type ErrorDetail } from '@app/core';
import { MAX_MARKDOWN_BYTES, renderMarkdown } from '@app/markdown';
import type { ItemKind } from '../policy/path-policy';

/** An item as its author describes it: the fields that apply depend on its kind. */
export interface ItemFields {
  title: string;
  required: boolean;
  videoUrl: string | null;
  body: string;
  articleId: string | null;
  linkUrl: string | null;
  instrumentId: string | null;
}

/** Which of the kind-specific fields each kind takes, and which of them it must have. */
const KIND_FIELDS: Record<
  ItemKind,
  { allowed: (keyof ItemFields)[]; check: (fields: ItemFields, problems: ErrorDetail[]) => void }
> = {
  video: {
    allowed: ['videoUrl'],
    check: (f, problems) => {
      if (!f.videoUrl) problems.push({ field: 'videoUrl', message: 'a video needs its address (videoUrl)' });
    },
  },
  reading: {
    allowed: ['articleId', 'linkUrl'],
    check: (f, problems) => {
      if ((f.articleId === null) === (f.linkUrl === null)) {
        problems.push({
          field: 'articleId',
          message: 'a reading needs either a knowledge-base article (articleId) or a link (linkUrl), not both',
        });
      }
    },
  },
  activity: {
    allowed: [],
    check: (f, problems) => {
      if (!f.body.trim()) problems.push({ field: 'body', message: 'an activity needs its instructions (body)' });
    },
  },
  assessment: {
    allowed: ['instrumentId'],
    check: (f, problems) => {
      if (!f.instrumentId)
        problems.push({ field: 'instrumentId', message: 'an assessment item needs the instrument it asks for (instrumentId)' });
    },
  },
};

const KIND_SPECIFIC: (keyof ItemFields)[] = ['videoUrl', 'articleId', 'linkUrl', 'instrumentId'];

/** Web addresses only: a `javascript:` or `data:` address would run in a member's browser. */
function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Checks an item's fields as a whole for its kind (a new item, or an existing one with a change applied) and
 * renders its Markdown. Every problem is reported at once, as VALIDATION_FAILED with one detail per field.
 */
export function checkItem(kind: ItemKind, fields: ItemFields): ItemFields & { bodyHtml: string } {
  const problems: ErrorDetail[] = [];
  const { allowed, check } = KIND_FIELDS[kind];
  for (const key of KIND_SPECIFIC) {
    if (fields[key] !== null && !allowed.includes(key))
      problems.push({ field: key, message: `${key} does not apply to ${kind} items` });
  }
  for (const key of ['videoUrl', 'linkUrl'] as const) {
    const value = fields[key];
    if (value !== null && !isWebAddress(value))
      problems.push({ field: key, message: `${key} must be an absolute http(s) address` });
  }
  if (Buffer.byteLength(fields.body, 'utf8') > MAX_MARKDOWN_BYTES) {
    problems.push({ field: 'body', message: `body may be at most ${MAX_MARKDOWN_BYTES / 1024} KB of Markdown` });
  }
  if (!fields.title.trim()) problems.push({ field: 'title', message: 'title must not be blank' });
  check(fields, problems);
  if (problems.length) throw badRequest(ErrorCode.ValidationFailed, problems.map((p) => p.message).join('; '), problems);
  return { ...fields, title: fields.title.trim(), bodyHtml: renderMarkdown(fields.body).html };
}

/** 'YYYY-MM-DD' that names a real day (the database would refuse 2026-02-30 with an error, not a 400). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
