import type MarkdownIt from 'markdown-it';
import type { QuotePairs, RenderEnv } from './env';

/** `[quote=N]` alone on a line opens a quote of post N of the same topic; `[/quote]` alone on a line closes it. */
const OPENER = /^\[quote=([1-9][0-9]{0,8})\][ \t]*$/i;
const CLOSER = /^\[\/quote\][ \t]*$/i;
const LEFT_BRACKET = 0x5b;

/** Deeper `[quote=N]` lines stay text: a reply chain quoted five times over is noise, and recursion stays shallow. */
export const MAX_QUOTE_DEPTH = 5;

/** The post a quote links back to when the caller gives no `postUrl`. */
export const defaultPostUrl = (postNumber: number): string => `#post-${postNumber}`;

/**
 * Pairs every opener with its closer in one pass over the whole document, like brackets.
 * Scanning ahead from each opener instead would be quadratic on a post made of unclosed `[quote=1]` lines.
 * The pairing is that of the top-level parser's lines, so quotes are recognised at the top level and inside
 * other quotes, not inside `>` blockquotes or list items (where the quote button never puts them).
 */
function pairQuotes(md: MarkdownIt, src: string, env: RenderEnv): QuotePairs {
  const lines = new md.block.State(src, md, env, []);
  const contentStart = new Int32Array(lines.lineMax);
  const closerOf = new Int32Array(lines.lineMax).fill(-1);
  const open: number[] = [];
  for (let line = 0; line < lines.lineMax; line++) {
    const start = lines.bMarks[line] + lines.tShift[line];
    contentStart[line] = start;
    if (lines.sCount[line] >= 4 || src.charCodeAt(start) !== LEFT_BRACKET) continue;
    const text = src.slice(start, lines.eMarks[line]);
    if (OPENER.test(text)) open.push(line);
    else if (open.length > 0 && CLOSER.test(text)) closerOf[open.pop()!] = line;
  }
  return { contentStart, closerOf };
}

const postQuote: MarkdownIt.ParserBlock.RuleBlock = (state, startLine, endLine, silent) => {
  const start = state.bMarks[startLine] + state.tShift[startLine];
  if (state.src.charCodeAt(start) !== LEFT_BRACKET) return false;
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const env = state.env as RenderEnv;
  if (env.quoteDepth >= MAX_QUOTE_DEPTH) return false;
  const pairs = (env.quotePairs ??= pairQuotes(state.md, state.src, env));
  if (pairs.contentStart[startLine] !== start) return false;
  const closer = pairs.closerOf[startLine];
  // An unclosed `[quote=N]` stays text rather than swallowing the rest of the post.
  if (closer === -1 || closer >= endLine) return false;
  if (silent) return true;

  const postNumber = Number(OPENER.exec(state.src.slice(start, state.eMarks[startLine]))![1]);
  env.quotes.add(postNumber);

  const parentType = state.parentType;
  const lineMax = state.lineMax;
  state.parentType = 'post_quote' as typeof parentType;
  state.lineMax = closer;

  const open = state.push('post_quote_open', 'blockquote', 1);
  open.attrs = [
    ['class', 'post-quote'],
    ['data-post-number', String(postNumber)],
  ];
  open.markup = '[quote]';
  open.map = [startLine, closer + 1];
  open.meta = { postNumber };

  env.quoteDepth++;
  state.md.block.tokenize(state, startLine + 1, closer);
  env.quoteDepth--;

  state.push('post_quote_source', '', 0).meta = { postNumber };
  state.push('post_quote_close', 'blockquote', -1).markup = '[/quote]';

  state.parentType = parentType;
  state.lineMax = lineMax;
  state.line = closer + 1;
  return true;
};

export function quotesPlugin(md: MarkdownIt): void {
  md.block.ruler.before('table', 'post_quote', postQuote, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  const escape = md.utils.escapeHtml;
  md.renderer.rules.post_quote_source = (tokens, idx, _options, env: RenderEnv) => {
    const postNumber: number = tokens[idx].meta.postNumber;
    // The URL comes from the caller, yet still goes through the sanitizer's link policy like any other.
    return `<p class="post-quote-source"><a href="${escape(env.postUrl(postNumber))}">Post #${postNumber}</a></p>\n`;
  };
}
