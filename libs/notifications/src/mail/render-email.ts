export interface EmailItem {
  title: string;
  /** A web path (`/forum/t/…`) or an absolute http(s) URL. */
  url: string;
  meta?: string;
  excerpt?: string;
}

export interface EmailSection {
  heading?: string;
  items: EmailItem[];
}

export interface EmailContent {
  heading: string;
  intro?: string;
  sections: EmailSection[];
  action?: { label: string; url: string };
  footer: {
    /** Why the person got this message, e.g. "You get this because you watch this topic." */
    reason: string;
    unsubscribeUrl?: string;
    unsubscribeLabel?: string;
    settingsUrl?: string;
  };
}

export interface RenderedEmail {
  html: string;
  text: string;
}

export interface EmailPlatform {
  name: string;
  publicUrl: string;
}

const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const LINK = 'color:#1d4ed8;text-decoration:underline';

/** Titles, names and excerpts are written by members: everything goes through here before it reaches HTML. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Mail is read outside the site, so every link is absolute. Only http(s) URLs are kept as given: anything else
 * (a path, or a `javascript:` smuggled into a URL) is taken as a path under the public URL.
 */
export function absoluteUrl(url: string, publicUrl: string): string {
  if (/^https?:\/\//i.test(url)) return url;
  const base = publicUrl.replace(/\/+$/, '');
  return `${base}${url.startsWith('/') ? '' : '/'}${url}`;
}

/** One line in the plain-text part, so an item's URL always stands on a line of its own. */
const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();

/** One structured input, two parts: HTML for mail clients that show it, plain text for the rest. */
export function renderEmail(input: EmailContent, platform: EmailPlatform): RenderedEmail {
  const link = (url: string) => absoluteUrl(url, platform.publicUrl);
  return { html: renderHtml(input, platform, link), text: renderText(input, platform, link) };
}

function renderHtml(input: EmailContent, platform: EmailPlatform, link: (url: string) => string): string {
  const e = escapeHtml;
  const anchor = (url: string, label: string, style = LINK) => `<a href="${e(link(url))}" style="${style}">${e(label)}</a>`;
  const body: string[] = [`<h1 style="margin:0 0 12px;font-size:20px;line-height:1.3">${e(input.heading)}</h1>`];
  if (input.intro) body.push(`<p style="margin:0 0 16px;font-size:15px;line-height:1.5">${e(input.intro)}</p>`);
  for (const section of input.sections) {
    if (section.heading) {
      body.push(`<h2 style="margin:20px 0 8px;font-size:16px;color:#374151">${e(section.heading)}</h2>`);
    }
    body.push('<table role="presentation" width="100%" cellpadding="0" cellspacing="0">');
    for (const item of section.items) {
      const meta = item.meta ? `<div style="font-size:13px;color:#6b7280;margin-top:2px">${e(item.meta)}</div>` : '';
      const excerpt = item.excerpt
        ? `<div style="font-size:14px;color:#374151;margin-top:4px;line-height:1.45">${e(item.excerpt)}</div>`
        : '';
      body.push(
        `<tr><td style="padding:8px 0;border-bottom:1px solid #f3f4f6;font-size:15px">` +
          `${anchor(item.url, item.title, `${LINK};font-weight:600`)}${meta}${excerpt}</td></tr>`,
      );
    }
    body.push('</table>');
  }
  if (input.action) {
    const button =
      'display:inline-block;padding:10px 18px;background:#1d4ed8;color:#ffffff;border-radius:6px;text-decoration:none;font-weight:600';
    body.push(`<p style="margin:24px 0 0">${anchor(input.action.url, input.action.label, button)}</p>`);
  }
  const { footer } = input;
  const footerLinks = [
    footer.unsubscribeUrl ? anchor(footer.unsubscribeUrl, footer.unsubscribeLabel ?? 'Unsubscribe') : '',
    footer.settingsUrl ? anchor(footer.settingsUrl, 'Notification settings') : '',
  ].filter(Boolean);
  return [
    '<!doctype html>',
    `<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(input.heading)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f4f4f5">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f5"><tr><td align="center" style="padding:24px 12px">`,
    `<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border-radius:8px;${FONT};color:#111827">`,
    `<tr><td style="padding:16px 24px;border-bottom:1px solid #e5e7eb;font-size:14px;font-weight:700;color:#4b5563">${e(platform.name)}</td></tr>`,
    `<tr><td style="padding:24px">${body.join('\n')}</td></tr>`,
    `<tr><td style="padding:16px 24px;border-top:1px solid #e5e7eb;font-size:12px;line-height:1.5;color:#6b7280">`,
    `<p style="margin:0">${e(footer.reason)}</p>`,
    footerLinks.length ? `<p style="margin:8px 0 0">${footerLinks.join(' &middot; ')}</p>` : '',
    `<p style="margin:8px 0 0">${e(platform.name)}</p>`,
    '</td></tr></table>',
    '</td></tr></table></body></html>',
  ]
    .filter(Boolean)
    .join('\n');
}

function renderText(input: EmailContent, platform: EmailPlatform, link: (url: string) => string): string {
  const lines: string[] = [
    platform.name,
    '',
    oneLine(input.heading),
    '='.repeat(Math.min(oneLine(input.heading).length, 72)),
    '',
  ];
  if (input.intro) lines.push(input.intro.trim(), '');
  for (const section of input.sections) {
    if (section.heading) lines.push(oneLine(section.heading), '-'.repeat(Math.min(oneLine(section.heading).length, 72)));
    for (const item of section.items) {
      lines.push(`* ${oneLine(item.title)}`);
      if (item.meta) lines.push(`  ${oneLine(item.meta)}`);
      if (item.excerpt) lines.push(`  ${oneLine(item.excerpt)}`);
      lines.push(`  ${link(item.url)}`);
    }
    lines.push('');
  }
  if (input.action) lines.push(`${oneLine(input.action.label)}:`, link(input.action.url), '');
  const { footer } = input;
  lines.push('-- ', oneLine(footer.reason));
  if (footer.unsubscribeUrl) lines.push(`${footer.unsubscribeLabel ?? 'Unsubscribe'}: ${link(footer.unsubscribeUrl)}`);
  if (footer.settingsUrl) lines.push(`Notification settings: ${link(footer.settingsUrl)}`);
  lines.push(platform.name);
  return lines.join('\n') + '\n';
}
