import { absoluteUrl, type EmailContent, renderEmail } from './render-email';

const PLATFORM = { name: 'ART Commons', publicUrl: 'https://commons.example.org' };

function content(overrides: Partial<EmailContent> = {}): EmailContent {
  return {
    heading: 'New replies in “Naming racism on rounds”',
    intro: 'Three people replied since your last visit.',
    sections: [
      {
        heading: 'Forum',
        items: [
          {
            title: 'Naming racism on rounds',
            url: '/forum/t/abc?post=4',
            meta: 'Ana Diaz · 2 replies',
            excerpt: 'I tried the script…',
          },
          { title: 'Reading list', url: 'https://elsewhere.example.net/list' },
        ],
      },
    ],
    action: { label: 'Open the topic', url: '/forum/t/abc' },
    footer: {
      reason: 'You get this because you watch this topic.',
      unsubscribeUrl: '/unsubscribe?token=abc.def',
      unsubscribeLabel: 'Stop emails about replies',
      settingsUrl: '/settings/notifications',
    },
    ...overrides,
  };
}

describe('renderEmail', () => {
  it('escapes every member-written text in the HTML part', () => {
    const hostile = '<script>alert(1)</script> & "quoted" \'single\' <img src=x onerror=alert(2)>';
    const { html } = renderEmail(
      content({
        heading: hostile,
        intro: hostile,
        sections: [{ heading: hostile, items: [{ title: hostile, url: '/forum/t/1', meta: hostile, excerpt: hostile }] }],
        action: { label: hostile, url: '/x' },
        footer: { reason: hostile, unsubscribeUrl: '/u', unsubscribeLabel: hostile },
      }),
      PLATFORM,
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/"quoted"/);
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;quoted&#34; &#39;single&#39;');
    // Every tag left is one of the layout's own.
    const tags = new Set([...html.matchAll(/<\/?([a-z0-9!]+)/gi)].map((m) => m[1].toLowerCase()));
    for (const tag of tags)
      expect(['!doctype', 'html', 'head', 'meta', 'title', 'body', 'table', 'tr', 'td', 'h1', 'h2', 'p', 'div', 'a']).toContain(
        tag,
      );
  });

  it('makes every link absolute under the public URL and escapes it in attributes', () => {
    const { html } = renderEmail(content(), PLATFORM);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual([
      'https://commons.example.org/forum/t/abc?post=4',
      'https://elsewhere.example.net/list',
      'https://commons.example.org/forum/t/abc',
      'https://commons.example.org/unsubscribe?token=abc.def',
      'https://commons.example.org/settings/notifications',
    ]);
    const { html: quoted } = renderEmail(
      content({ sections: [{ items: [{ title: 't', url: '/search?q="x"&a=<b>' }] }] }),
      PLATFORM,
    );
    expect(quoted).toContain('href="https://commons.example.org/search?q=&#34;x&#34;&#38;a=&#60;b&#62;"');
  });

  it('never lets a link leave http(s)', () => {
    expect(absoluteUrl('javascript:alert(1)', PLATFORM.publicUrl)).toBe('https://commons.example.org/javascript:alert(1)');
    expect(absoluteUrl('//evil.example/x', PLATFORM.publicUrl)).toBe('https://commons.example.org//evil.example/x');
    expect(absoluteUrl('forum/t/1', 'https://host.example/base/')).toBe('https://host.example/base/forum/t/1');
    expect(absoluteUrl('HTTPS://Other.example/a', PLATFORM.publicUrl)).toBe('HTTPS://Other.example/a');
  });

  it('writes a plain-text part with each item and its absolute URL on a line of its own', () => {
    const { text } = renderEmail(content(), PLATFORM);
    const lines = text.split('\n');
    expect(lines[0]).toBe('ART Commons');
    expect(text).toContain('New replies in “Naming racism on rounds”');
    expect(lines).toContain('* Naming racism on rounds');
    expect(lines).toContain('  Ana Diaz · 2 replies');
    expect(lines).toContain('  https://commons.example.org/forum/t/abc?post=4');
    expect(lines).toContain('  https://elsewhere.example.net/list');
    expect(lines).toContain('https://commons.example.org/forum/t/abc');
    const footer = lines.slice(lines.indexOf('-- '));
    expect(footer).toEqual([
      '-- ',
      'You get this because you watch this topic.',
      'Stop emails about replies: https://commons.example.org/unsubscribe?token=abc.def',
      'Notification settings: https://commons.example.org/settings/notifications',
      'ART Commons',
      '',
    ]);
    expect(text).not.toMatch(/<[a-z]/i);
  });

  it('keeps member text unescaped but on one line in the text part, so it cannot push a fake link line', () => {
    const { text } = renderEmail(
      content({ sections: [{ items: [{ title: 'A & B <ok>\nhttps://phish.example/login', url: '/t/1' }] }] }),
      PLATFORM,
    );
    expect(text).toContain('* A & B <ok> https://phish.example/login\n  https://commons.example.org/t/1');
  });

  it('names the platform and the reason in both parts, and leaves out footer links it was not given', () => {
    const { html, text } = renderEmail(content({ action: undefined, footer: { reason: 'Password reset requested.' } }), PLATFORM);
    for (const part of [html, text]) {
      expect(part).toContain('ART Commons');
      expect(part).toContain('Password reset requested.');
      expect(part).not.toContain('Unsubscribe');
      expect(part).not.toContain('Notification settings');
    }
  });
});
