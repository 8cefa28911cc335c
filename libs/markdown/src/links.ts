/** Added to every absolute http(s) link: user content must not pass page rank, nor a window.opener, nor a Referer. */
export const EXTERNAL_LINK_REL = 'nofollow ugc noopener noreferrer';

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

// A browser drops these while parsing a URL, so `java\tscript:` and `\u0000javascript:` still run script.
// Removing more than a browser would only make the scheme check stricter.
// eslint-disable-next-line no-control-regex
const IGNORED_BY_URL_PARSERS = /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]/g;

// Harmless in a fragment or a query, but never needed in a post: refusing it anywhere keeps audits simple.
const SCRIPT_SCHEME_ANYWHERE = /(?:java|vb)script:/i;

function canonical(href: string): string {
  return href.replace(IGNORED_BY_URL_PARSERS, '');
}

/**
 * The link policy for posts: http(s), mailto and relative URLs only.
 * Anything with another scheme (javascript:, data:, vbscript:, file:, ftp:, made-up ones) is refused,
 * and so is a colon in the first path segment, which some parsers read as a scheme, and any mention of
 * `javascript:` or `vbscript:` at all.
 */
export function isAllowedHref(href: string): boolean {
  const url = canonical(href);
  if (url === '' || SCRIPT_SCHEME_ANYWHERE.test(url)) return false;
  const colon = url.indexOf(':');
  if (colon === -1) return true;
  const delimiter = url.search(/[/?#\\]/);
  if (delimiter !== -1 && delimiter < colon) return true;
  return ALLOWED_SCHEMES.has(url.slice(0, colon).toLowerCase());
}

/** Absolute http(s) links, including protocol-relative ones (`//host`, and `\\host`, which browsers treat alike). */
export function isExternalHref(href: string): boolean {
  return /^(?:https?:)?[/\\]{2}/i.test(canonical(href));
}
