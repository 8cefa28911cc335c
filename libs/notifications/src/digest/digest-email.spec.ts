import { digestEmail, digestSubject, hasNews, itemCount, type DigestItems } from './digest-email';

const empty = (): DigestItems => ({ topics: [], notifications: [], articles: [], reviews: [], overdue: [], rooms: [], pathOverdue: [] });
const topic = (over: Partial<DigestItems['topics'][number]> = {}): DigestItems['topics'][number] => ({
  id: 't1',
  title: 'A topic',
  spaceName: 'Commons',
  authorName: 'Ana Diaz',
  authorPseudonym: null,
  isNew: true,
  newPosts: 1,
  ...over,
});
const SINCE = new Date('2026-03-09T07:00:00Z');

describe('hasNews', () => {
  it('is false for an empty digest', () => expect(hasNews(empty())).toBe(false));

  it('does not count reminders that were already there at the last digest', () => {
    const items = {
      ...empty(),
      reviews: [{ id: 'a', title: 'Old request', isNew: false }],
      overdue: [{ id: 'b', title: 'Long overdue', dueAt: new Date('2026-01-01'), isNew: false }],
      rooms: [{ id: 'r', title: 'Room', startsAt: new Date('2026-03-12'), isNew: false }],
    };
    expect(hasNews(items)).toBe(false);
    expect(hasNews({ ...items, rooms: [{ ...items.rooms[0], isNew: true }] })).toBe(true);
  });

  it('counts any topic, notification or article', () => {
    expect(hasNews({ ...empty(), topics: [topic({ isNew: false })] })).toBe(true);
    expect(hasNews({ ...empty(), articles: [{ id: 'a', title: 'A', summary: '', isNew: false }] })).toBe(true);
  });
});

describe('digestSubject', () => {
  it('names the first three kinds of news, and says when there is more', () => {
    const items: DigestItems = {
      ...empty(),
      topics: [topic(), topic({ id: 't2' }), topic({ id: 't3' })],
      notifications: [
        { id: 'n', kind: 'mentioned', actorName: 'Ana', count: 1, subject: 'A topic', detail: null, url: '/forum/t/t1' },
      ],
    };
    expect(digestSubject(items)).toBe('Your ART Commons digest: 3 new topics, 1 mention');
    items.rooms = [{ id: 'r', title: 'Room', startsAt: SINCE, isNew: true }];
    items.topics.push(topic({ id: 't4', isNew: false }));
    expect(digestSubject(items)).toBe('Your ART Commons digest: 3 new topics, 1 active topic, 1 mention and more');
    expect(itemCount(items)).toBe(6);
  });
});

describe('digestEmail', () => {
  it('shows an anonymous topic with its pseudonym, and a new topic with its replies rather than its opening post', () => {
    const items = { ...empty(), topics: [topic({ authorName: null, authorPseudonym: 2, newPosts: 3 })] };
    const { content } = digestEmail(items, { displayName: 'Rita', timeZone: 'UTC' }, 'daily', SINCE);
    expect(content.sections[0].items[0]).toEqual({
      title: 'A topic',
      url: '/forum/t/t1',
      meta: 'Commons · New topic by Participant 2 · 2 replies',
    });
  });

  it('gives room times in the person’s zone, and falls back to UTC for a zone it does not know', () => {
    const items = { ...empty(), rooms: [{ id: 'r', title: 'Room', startsAt: new Date('2026-03-10T19:30:00Z'), isNew: true }] };
    const auckland = digestEmail(items, { displayName: 'Rita', timeZone: 'Pacific/Auckland' }, 'weekly', SINCE);
    expect(auckland.content.sections[0].items[0].meta).toBe('Wed 11 Mar, 08:30 (Pacific/Auckland)');
    const unknown = digestEmail(items, { displayName: 'Rita', timeZone: 'Mars/Olympus' }, 'weekly', SINCE);
    expect(unknown.content.sections[0].items[0].meta).toBe('Tue 10 Mar, 19:30 (UTC)');
    expect(unknown.content.heading).toBe('Your weekly digest');
  });

  it('lists overdue learning-path items with their due day, the same in every zone', () => {
    const items = { ...empty(), pathOverdue: [{ id: 'i1', title: 'Watch the history lecture', dueOn: '2026-03-01', isNew: true }] };
    const { content, subject } = digestEmail(items, { displayName: 'Rita', timeZone: 'Pacific/Auckland' }, 'daily', SINCE);
    expect(content.sections).toEqual([
      { heading: 'Overdue on your learning path', items: [{ title: 'Watch the history lecture', url: '/program/items/i1', meta: 'Due 1 March 2026' }] },
    ]);
    expect(subject).toBe('Your ART Commons digest: 1 overdue learning item');
    expect(hasNews(items)).toBe(true);
    expect(hasNews({ ...empty(), pathOverdue: [{ ...items.pathOverdue[0], isNew: false }] })).toBe(false);
  });
});
