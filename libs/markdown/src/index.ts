/**
 * Markdown for forum posts and chat messages: pure functions, no database.
 *
 * Decisions worth knowing before changing anything here (and bumping RENDERER_VERSION when output changes):
 * - Raw HTML is off in markdown-it and sanitize-html re-checks everything against an allow-list.
 * - Headings are demoted two levels (# → h3, ## → h4, ### → h5, deeper → h6): the page owns h1/h2.
 *   No ids are generated and the sanitizer drops any id, so user content cannot clobber page ids.
 * - Images are never shown: `![alt](src)` becomes a plain link to src (see render-markdown.ts).
 * - A single newline is a line break (`breaks: true`), as in chat.
 * - Links: http(s), mailto and relative only; external ones get rel="nofollow ugc noopener noreferrer";
 *   link titles are dropped and target is never set.
 * - Mentions inside `[quote=N]` blocks are rendered but not reported, so quoting notifies nobody again.
 */
export { renderMarkdown, RENDERER_VERSION, MAX_MARKDOWN_BYTES } from './render-markdown';
export type { RenderMarkdownOptions, RenderedMarkdown } from './render-markdown';
export type { Mentionable } from './mentions';
export { MENTION_HANDLE } from './mentions';
export { MAX_QUOTE_DEPTH } from './quotes';
export { EXTERNAL_LINK_REL } from './links';
