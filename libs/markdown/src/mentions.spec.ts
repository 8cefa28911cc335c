import { renderMarkdown, type Mentionable } from '@app/markdown';
import { splitMentions } from './mentions';

const members = new Set(['bob', 'ana_m', 'lead.riverside', 'x-1', 'ab']);
const render = (source: string, mentionable: Mentionable = members) => renderMarkdown(source, { mentionable });
const span = (handle: string, text = `@${handle}`) => `<span class="mention" data-handle="${handle}">${text}</span>`;

describe('mentions: who gets a mention span', () => {
  it('wraps an accepted @handle in a mention span and reports it', () => {
    const result = render('hi @bob');
    expect(result.html).toBe(`<p>hi ${span('bob')}</p>`);
    expect(result.mentions).toEqual(['bob']);
  });

  it('leaves a handle the predicate refuses as plain text and does not report it', () => {
    const result = render('hi @carol');
    expect(result.html).toBe('<p>hi @carol</p>');
    expect(result.mentions).toEqual([]);
  });

  it('mentions nobody when no mentionable option is given', () => {
    expect(renderMarkdown('hi @bob')).toMatchObject({ html: '<p>hi @bob</p>', mentions: [] });
  });

  it('accepts a predicate function as well as a Set, and asks it once per distinct handle', () => {
    const asked: string[] = [];
    const mentionable = (handle: string) => {
      asked.push(handle);
      return handle === 'bob';
    };
    const result = render('@bob @carol @bob @carol @BOB', mentionable);
    expect(result.mentions).toEqual(['bob']);
    expect(asked).toEqual(['bob', 'carol']);
  });

  it('matches handles case-insensitively: the predicate and data-handle get the lower-cased handle', () => {
    const result = render('@Bob and @LEAD.Riverside');
    expect(result.html).toBe(`<p>${span('bob', '@Bob')} and ${span('lead.riverside', '@LEAD.Riverside')}</p>`);
    expect(result.mentions).toEqual(['bob', 'lead.riverside']);
  });

  it('reports each handle once, in order of first appearance', () => {
    expect(render('@x-1 then @bob, @x-1 and @ana_m and @bob').mentions).toEqual(['x-1', 'bob', 'ana_m']);
  });

  it('accepts handles of 2 to 30 characters of a-z, 0-9, _, . and -', () => {
    const thirty = 'a'.repeat(30);
    const everyone = () => true;
    expect(render(`@${thirty}`, everyone).mentions).toEqual([thirty]);
    expect(render(`@${thirty}b`, everyone).mentions).toEqual([]);
    expect(render('@a', everyone).mentions).toEqual([]);
    expect(render('@ab', everyone).mentions).toEqual(['ab']);
  });

  it('does not let sentence punctuation after a handle spoil the mention', () => {
    expect(render('thanks @bob. And @lead.riverside.').html).toBe(
      `<p>thanks ${span('bob')}. And ${span('lead.riverside')}.</p>`,
    );
    expect(render('(@bob), @bob! @bob? @bob:').mentions).toEqual(['bob']);
    expect(render('(@bob), @bob!').html).toBe(`<p>(${span('bob')}), ${span('bob')}!</p>`);
  });

  it('renders mentions inside emphasis, headings, list items and tables', () => {
    expect(render('**@bob**').html).toBe(`<p><strong>${span('bob')}</strong></p>`);
    expect(render('# hi @bob').html).toBe(`<h3>hi ${span('bob')}</h3>`);
    expect(render('- @bob').html).toBe(`<ul>\n<li>${span('bob')}</li>\n</ul>`);
    expect(render('| a |\n|---|\n| @bob |').html).toContain(`<td>${span('bob')}</td>`);
  });
});

describe('mentions: where @handle is not a mention', () => {
  it('ignores handles in code spans and code blocks', () => {
    const result = render('`@bob`\n\n```\n@bob\n```\n\n    @bob');
    expect(result.html).not.toContain('class="mention"');
    expect(result.mentions).toEqual([]);
  });

  it('ignores the domain part of an email address, linked or not', () => {
    const result = render('mail bob@bob.org, ana@bob or ana.bob+x@bob');
    expect(result.html).not.toContain('class="mention"');
    expect(result.mentions).toEqual([]);
  });

  it('ignores a handle glued to a word, a path or another @', () => {
    for (const source of ['x@bob', 'é@bob', '1@bob', 'a/@bob', '@@bob', '@bob@example', '_@bob', '.@bob']) {
      expect(render(source).mentions).toEqual([]);
    }
  });

  it('ignores handles inside link text and URLs (no nested interactive elements)', () => {
    const result = render('[ask @bob](https://example.org) https://example.org/@bob');
    expect(result.html).not.toContain('class="mention"');
    expect(result.mentions).toEqual([]);
  });

  it('cannot inject markup through a would-be handle', () => {
    const result = render('@bob"><script>alert(1)</script> @bob<b>', () => true);
    expect(result.html).toBe(`<p>${span('bob')}"&gt;&lt;script&gt;alert(1)&lt;/script&gt; ${span('bob')}&lt;b&gt;</p>`);
  });
});

describe('mentions inside quotes', () => {
  it('shows a mention quoted from another post but does not report it, so nobody is notified again', () => {
    const result = render('[quote=4]\nas @bob said\n[/quote]\n\n@ana_m agreed');
    expect(result.html).toContain(span('bob'));
    expect(result.mentions).toEqual(['ana_m']);
  });
});

describe('splitMentions', () => {
  it('splits text into text pieces and accepted handles', () => {
    expect(splitMentions('a @Bob b @carol', (handle) => handle === 'bob')).toEqual([
      'a ',
      { handle: 'bob', text: '@Bob' },
      ' b @carol',
    ]);
  });
});
