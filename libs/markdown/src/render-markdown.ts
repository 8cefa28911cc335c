import MarkdownIt from 'markdown-it';
import type { RenderEnv } from './env';
import { isAllowedHref } from './links';
import { expandMentions, mentionPredicate, mentionsPlugin, type Mentionable, type TokenClass } from './mentions';
import { defaultPostUrl, quotesPlugin } from './quotes';
import { sanitizePostHtml } from './sanitize';

type Token = MarkdownIt.Token;

/**
 * Stored beside every rendered HTML: bump it whenever a change here would render some source differently,
 * so stored posts can be found and re-rendered.
 */
export const RENDERER_VERSION = 1;

/** The longest source a post or message may have, in UTF-8 bytes. Callers enforce it; the renderer does not. */
export const MAX_MARKDOWN_BYTES = 64 * 1024;

export interface RenderMarkdownOptions {
  /** Who may be mentioned here, given the lower-cased handle. Without it, `@handle` always stays text. */
  mentionable?: Mentionable;
  /** Where a `[quote=N]` links back to; `#post-N` by default. */
  postUrl?: (postNumber: number) => string;
}

export interface RenderedMarkdown {
  /** Sanitized HTML, safe to insert as is. */
  html: string;
  /** Distinct accepted handles (lower-cased) in order of appearance, outside quotes: the people to notify. */
  mentions: string[];
  /** Distinct quoted post numbers in order of appearance, nested quotes included; the caller checks them. */
  quotes: { postNumber: number }[];
  /** Distinct hrefs of the links that survived the link policy, as they appear in the HTML. */
  links: string[];
}

const DEMOTED_HEADING: Readonly<Record<string, string>> = { h1: 'h3', h2: 'h4', h3: 'h5', h4: 'h6', h5: 'h6', h6: 'h6' };
const TABLE_ALIGN = /^text-align:(left|center|right)$/;

// Created once: building a markdown-it instance costs far more than rendering a typical post.
const md = new MarkdownIt('default', { html: false, linkify: true, typographer: false, breaks: true });
// Every destination parses as a link so that the link policy below can keep the text and drop the href;
// markdown-it's own check would leave `[x](javascript:…)` on the page as literal markdown.
md.validateLink = () => true;
md.use(quotesPlugin);
md.use(mentionsPlugin);
md.core.ruler.push('post_policy', (state) => {
  const env = state.env as RenderEnv;
  let quoteDepth = 0;
  for (const token of state.tokens) {
    switch (token.type) {
      case 'post_quote_open':
        quoteDepth++;
        break;
      case 'post_quote_close':
        quoteDepth--;
        break;
      // Post content sits under the page's own h1/h2.
      case 'heading_open':
      case 'heading_close':
        token.tag = DEMOTED_HEADING[token.tag] ?? token.tag;
        break;
      case 'th_open':
      case 'td_open':
        alignmentAsClass(token);
        break;
      case 'inline':
        // Mentions quoted from another post are shown but notify nobody again.
        if (token.children) token.children = applyInlinePolicy(token.children, state.Token, env, quoteDepth === 0);
        break;
    }
  }
});

/** markdown-it aligns table cells with a style attribute, which the sanitizer refuses. */
function alignmentAsClass(token: Token): void {
  const style = token.attrGet('style');
  if (style === null) return;
  token.attrs = token.attrs?.filter(([name]) => name !== 'style') ?? null;
  const align = TABLE_ALIGN.exec(style);
  if (align) token.attrSet('class', `align-${align[1]}`);
}

function applyInlinePolicy(children: Token[], Token: TokenClass, env: RenderEnv, recordMentions: boolean): Token[] {
  const out: Token[] = [];
  // One entry per open link: whether its tags are kept (links never nest in markdown, but be exact anyway).
  const linkKept: boolean[] = [];
  for (const token of children) {
    switch (token.type) {
      case 'link_open': {
        const href = token.attrGet('href') ?? '';
        const kept = isAllowedHref(href);
        linkKept.push(kept);
        if (kept) {
          token.attrs = [['href', href]];
          env.links.add(href);
          out.push(token);
        }
        break;
      }
      case 'link_close':
        if (linkKept.pop()) out.push(token);
        break;
      case 'image':
        for (const replacement of imageAsLink(token, Token, env, linkKept.length > 0)) out.push(replacement);
        break;
      case 'text':
        if (linkKept.length > 0) out.push(token);
        else for (const piece of expandMentions(token, Token, env, recordMentions)) out.push(piece);
        break;
      default:
        out.push(token);
    }
  }
  return out;
}

/**
 * Images are not allowed in posts: loading them would tell any image host who reads what, and when.
 * `![alt](src)` becomes a plain link to src with the alt text (or the URL) as its text; inside a link, or
 * when src breaks the link policy, only the alt text remains.
 */
function imageAsLink(image: Token, Token: TokenClass, env: RenderEnv, insideLink: boolean): Token[] {
  const alt = plainText(image.children) || image.content;
  const src = image.attrGet('src') ?? '';
  const text = new Token('text', '', 0);
  if (insideLink || !isAllowedHref(src)) {
    text.content = alt;
    return alt === '' ? [] : [text];
  }
  text.content = alt === '' ? src : alt;
  const open = new Token('link_open', 'a', 1);
  open.attrs = [['href', src]];
  open.markup = 'image';
  const close = new Token('link_close', 'a', -1);
  close.markup = 'image';
  env.links.add(src);
  return [open, text, close];
}

function plainText(tokens: Token[] | null): string {
  let text = '';
  for (const token of tokens ?? []) {
    if (token.type === 'text' || token.type === 'text_special' || token.type === 'code_inline') text += token.content;
    else if (token.type === 'softbreak' || token.type === 'hardbreak') text += ' ';
    else if (token.type === 'image') text += plainText(token.children);
  }
  return text;
}

/**
 * Renders a forum post or chat message: markdown-it with raw HTML off, then an allow-list sanitizer.
 * Pure and synchronous; mentions and quotes are only reported, the caller decides what they mean.
 */
export function renderMarkdown(source: string, options: RenderMarkdownOptions = {}): RenderedMarkdown {
  const env: RenderEnv = {
    acceptMention: mentionPredicate(options.mentionable),
    postUrl: options.postUrl ?? defaultPostUrl,
    mentions: new Set(),
    quotes: new Set(),
    links: new Set(),
    quoteDepth: 0,
  };
  const html = sanitizePostHtml(md.render(source, env)).trimEnd();
  return {
    html,
    mentions: [...env.mentions],
    quotes: [...env.quotes].map((postNumber) => ({ postNumber })),
    links: [...env.links],
  };
}
