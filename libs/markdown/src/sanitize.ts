import sanitizeHtml from 'sanitize-html';
import { EXTERNAL_LINK_REL, isAllowedHref, isExternalHref } from './links';

const ALIGN_CLASSES = ['align-left', 'align-center', 'align-right'];

/** Keeps an attribute only while its value has the shape the renderer gives it. */
function keepIf(attribute: string, shape: RegExp): sanitizeHtml.Transformer {
  return (tagName, attribs) => {
    const kept = { ...attribs };
    if (kept[attribute] !== undefined && !shape.test(kept[attribute])) delete kept[attribute];
    return { tagName, attribs: kept };
  };
}

/** Whatever the `a` carried, it leaves with an allowed href (or none) and our rel: never a target. */
const link: sanitizeHtml.Transformer = (tagName, attribs) => {
  const kept: sanitizeHtml.Attributes = {};
  const href = attribs.href;
  if (href !== undefined && isAllowedHref(href)) {
    kept.href = href;
    if (isExternalHref(href)) kept.rel = EXTERNAL_LINK_REL;
  }
  return { tagName, attribs: kept };
};

/**
 * The second line of defence behind markdown-it (which already escapes raw HTML): an explicit allow-list.
 * No `id`, `name`, `style`, `target` or `on*` attribute survives on any element, so user content cannot
 * clobber page ids, restyle the page or run script; `h1`/`h2` become `h3`/`h4` as in the renderer.
 */
export const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'strong', 'em', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li',
    'h3', 'h4', 'h5', 'h6', 'a', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span',
  ],
  allowedAttributes: {
    a: ['href', 'rel'],
    span: ['class', 'data-handle'],
    blockquote: ['class', 'data-post-number'],
    p: ['class'],
    code: ['class'],
    ol: ['start'],
    th: ['class'],
    td: ['class'],
  },
  allowedClasses: {
    span: ['mention'],
    blockquote: ['post-quote'],
    p: ['post-quote-source'],
    code: [/^language-[a-z0-9_+#.-]{1,32}$/i],
    th: ALIGN_CLASSES,
    td: ALIGN_CLASSES,
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: true,
  allowVulnerableTags: false,
  disallowedTagsMode: 'discard',
  enforceHtmlBoundary: false,
  parseStyleAttributes: false,
  transformTags: {
    h1: 'h3',
    h2: 'h4',
    a: link,
    span: keepIf('data-handle', /^[a-z0-9_.-]{2,30}$/),
    blockquote: keepIf('data-post-number', /^[1-9][0-9]{0,8}$/),
    ol: keepIf('start', /^[0-9]{1,9}$/),
  },
};

export function sanitizePostHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}
