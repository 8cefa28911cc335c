import type MarkdownIt from 'markdown-it';
import type { RenderEnv } from './env';

/** A handle as it may be mentioned: 2–30 of a-z, 0-9, `_`, `.`, `-`, compared case-insensitively. */
export const MENTION_HANDLE = /^[a-z0-9_.-]{2,30}$/;

/** Says whether a (lower-cased) handle may be mentioned here, e.g. members of the topic's scope. */
export type Mentionable = ((handle: string) => boolean) | ReadonlySet<string>;

export type TokenClass = new (type: string, tag: string, nesting: MarkdownIt.Token.Nesting) => MarkdownIt.Token;

export type MentionPiece = string | { readonly handle: string; readonly text: string };

const CANDIDATE = /@([a-z0-9_.-]+)/gi;
// A handle glued to one of these is part of an email address, a path or a word, not a mention.
const GLUED_BEFORE = /[\p{L}\p{N}\p{M}_.+\-@/\\]/u;
const TRAILING_PUNCTUATION = /[.-]+$/;

/** One lookup per distinct handle and render, whatever the caller's predicate costs. */
export function mentionPredicate(mentionable: Mentionable | undefined): (handle: string) => boolean {
  if (mentionable === undefined) return () => false;
  const decided = new Map<string, boolean>();
  const ask = typeof mentionable === 'function' ? mentionable : (handle: string) => mentionable.has(handle);
  return (handle) => {
    let accepted = decided.get(handle);
    if (accepted === undefined) {
      accepted = ask(handle) === true;
      decided.set(handle, accepted);
    }
    return accepted;
  };
}

function codePointBefore(text: string, index: number): string {
  if (index === 0) return '';
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) return String.fromCodePoint(text.codePointAt(index - 2) ?? low);
  return text[index - 1];
}

/**
 * Splits plain text into text and accepted mentions. `@handle` counts only when it stands on its own:
 * not after a letter, digit or `.`/`+`/`-`/`@`/`/` (an email or a path), not followed by `@`.
 * Sentence punctuation after a handle (`@bob.`) is tried without it when the full form is not accepted.
 */
export function splitMentions(text: string, accept: (handle: string) => boolean): MentionPiece[] {
  const pieces: MentionPiece[] = [];
  let textStart = 0;
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(text); match !== null; match = CANDIDATE.exec(text)) {
    const at = match.index;
    const end = at + match[0].length;
    if (text[end] === '@' || GLUED_BEFORE.test(codePointBefore(text, at))) continue;
    const handle = acceptedHandle(match[1], accept);
    if (handle === undefined) continue;
    if (at > textStart) pieces.push(text.slice(textStart, at));
    pieces.push({ handle: handle.toLowerCase(), text: '@' + handle });
    textStart = at + 1 + handle.length;
    CANDIDATE.lastIndex = textStart;
  }
  if (textStart < text.length) pieces.push(text.slice(textStart));
  return pieces;
}

function acceptedHandle(written: string, accept: (handle: string) => boolean): string | undefined {
  for (const candidate of [written, written.replace(TRAILING_PUNCTUATION, '')]) {
    const handle = candidate.toLowerCase();
    if (MENTION_HANDLE.test(handle) && accept(handle)) return candidate;
  }
  return undefined;
}

/** Replaces accepted mentions in a text token by `mention` tokens; records each handle once. */
export function expandMentions(
  token: MarkdownIt.Token,
  Token: TokenClass,
  env: RenderEnv,
  record: boolean,
): MarkdownIt.Token[] {
  if (!token.content.includes('@')) return [token];
  const pieces = splitMentions(token.content, env.acceptMention);
  if (pieces.length === 1 && typeof pieces[0] === 'string') return [token];
  return pieces.map((piece) => {
    if (typeof piece === 'string') {
      const text = new Token('text', '', 0);
      text.content = piece;
      return text;
    }
    const mention = new Token('mention', 'span', 0);
    mention.content = piece.text;
    mention.meta = { handle: piece.handle };
    if (record) env.mentions.add(piece.handle);
    return mention;
  });
}

export function mentionsPlugin(md: MarkdownIt): void {
  const escape = md.utils.escapeHtml;
  md.renderer.rules.mention = (tokens, idx) => {
    const token = tokens[idx];
    return `<span class="mention" data-handle="${escape(token.meta.handle)}">${escape(token.content)}</span>`;
  };
}
