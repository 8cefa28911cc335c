import { badRequest, ErrorCode } from '@app/core';
import { MAX_MARKDOWN_BYTES, renderMarkdown, RENDERER_VERSION } from '@app/markdown';
import type { ArticleType } from '../policy';
import type { ArticleContent, Attachment } from '../repositories';

export const MAX_TAGS = 10;
export const MAX_ATTACHMENTS = 20;
export const DEFAULT_VERIFICATION_DAYS = 90;

export interface ContentInput {
  title: string;
  summary?: string;
  body: string;
  type: ArticleType;
  phases?: number[];
  tags?: string[];
  attachments?: Attachment[];
}

const invalid = (field: string, message: string) => badRequest(ErrorCode.ValidationFailed, `${field} ${message}`, [{ field, message }]);

/** Tags as stored: trimmed, lower case, no repeats. */
export function normaliseTags(tags: readonly string[] = []): string[] {
  const clean = [...new Set(tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean))];
  if (clean.length > MAX_TAGS) throw invalid('tags', `may hold at most ${MAX_TAGS} tags`);
  return clean;
}

export function normalisePhases(phases: readonly number[] = []): number[] {
  return [...new Set(phases)].sort((a, b) => a - b);
}

/**
 * Attachments are links only (files live elsewhere), and only web links: a `javascript:` or `data:` address would
 * run in a reader's browser.
 */
export function checkAttachments(attachments: readonly Attachment[] = []): Attachment[] {
  if (attachments.length > MAX_ATTACHMENTS) throw invalid('attachments', `may hold at most ${MAX_ATTACHMENTS} links`);
  return attachments.map((attachment, i) => {
    let url: URL;
    try {
      url = new URL(attachment.url);
    } catch {
      throw invalid(`attachments[${i}].url`, 'must be an absolute http(s) address');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid(`attachments[${i}].url`, 'must be an absolute http(s) address');
    return { kind: attachment.kind, title: attachment.title.trim(), url: url.toString() };
  });
}

/** Checks and renders an article's content: what both a new article and a saved change store. */
export function articleContent(input: ContentInput): ArticleContent & { html: string; rendererVersion: number } {
  if (Buffer.byteLength(input.body, 'utf8') > MAX_MARKDOWN_BYTES) {
    throw badRequest(ErrorCode.ArticleTooLong, `An article may be at most ${MAX_MARKDOWN_BYTES / 1024} KB of Markdown`);
  }
  return {
    title: input.title.trim(),
    summary: (input.summary ?? '').trim(),
    body: input.body,
    type: input.type,
    phases: normalisePhases(input.phases),
    tags: normaliseTags(input.tags),
    attachments: checkAttachments(input.attachments),
    html: renderMarkdown(input.body).html,
    rendererVersion: RENDERER_VERSION,
  };
}
