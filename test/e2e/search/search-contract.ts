import { buildSpace } from '@app/testing';
import { startTestApp, type TestApp } from '../../support/test-app';
import { reply, startTopic } from '../forum/forum-support';
import { API, buildWorld, draft, expectOk, makeContributor, person, publishedArticle, type Person, type World } from '../knowledge/knowledge-support';

const SEARCH = `${API}/search`;

export interface SearchContractOptions {
  /** Extra environment for the app (MEILI_URL for the Meilisearch run). */
  env?: Record<string, string>;
  /** Waits until what was written is searchable (an external index catches up); PostgreSQL needs nothing. */
  settle?: (t: TestApp) => Promise<void>;
  /** The engine every answer must name. */
  engine: 'postgres' | 'meilisearch';
}

const ids = (body: { items: { id: string }[] }) => body.items.map((hit) => hit.id);

/**
 * What every search engine must do, whatever it is: the same data, the same questions, the same answers on
 * relevance basics, filters, facets, visibility, anonymity, and things that were deleted or archived.
 */
export function searchContract({ env = {}, settle = async () => undefined, engine }: SearchContractOptions) {
  let t: TestApp;
  let w: World;
  let reviewer: Person;
  let schoolSpace: { id: string; slug: string };
  let openSpace: { id: string; slug: string };
  const find = async (who: Person, query: string) => {
    const body = await expectOk(who.client.get(`${SEARCH}?${query}`));
    expect(body.engine).toBe(engine);
    return body;
  };

  beforeAll(async () => {
    t = await startTestApp(env);
    w = await buildWorld(t);
    reviewer = await person(t, { institutionId: w.schoolA.id });
    await makeContributor(w.platformFacilitator.client, reviewer.id);
    schoolSpace = await buildSpace(t.db, { scopeKey: `inst:${w.schoolA.id}`, allowAnonymous: true, phase: 3, slug: `school-a-${Date.now()}` });
    openSpace = await buildSpace(t.db, { scopeKey: 'consortium', slug: `open-${Date.now()}` });
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.advance(61_000));

  it('ranks a title match above a body match, and finds words in their other forms', async () => {
    const inTitle = await startTopic(w.memberA.client, openSpace.id, { title: 'Microaggressions on the wards', body: 'Opening words' });
    await t.clock.advance(61_000);
    const inBody = await startTopic(w.otherA.client, openSpace.id, { title: 'Ward rounds', body: 'We talked about a microaggression today.' });
    await settle(t);
    const body = await find(w.memberB, `q=${encodeURIComponent('microaggressions')}`);
    const found = ids(body);
    // A topic's opening post is the topic: found once, as the topic, with its words in the snippet.
    expect(found).toEqual([inTitle.id, inBody.id]);
    expect(body.items.map((hit: { type: string }) => hit.type)).toEqual(['topic', 'topic']);
    expect(body.items[0].snippet).toContain('<mark>');
    expect(body.items[1].snippet).toContain('<mark>microaggression</mark> today');
  });

  it('never shows a person what they may not see: other schools, drafts, unlisted topics', async () => {
    await startTopic(w.memberA.client, schoolSpace.id, { title: 'Zephyrine climate survey results', body: 'Only for school A' });
    await draft(w.memberA.client, { title: 'Zephyrine draft notes', scope: 'consortium' });
    await settle(t);
    expect((await find(w.memberB, 'q=zephyrine')).items).toEqual([]);
    const forA = await find(w.otherA, 'q=zephyrine');
    expect(forA.items.map((h: { title: string }) => h.title)).toContain('Zephyrine climate survey results');
    expect(forA.items.map((h: { title: string }) => h.title)).not.toContain('Zephyrine draft notes');
    const forAuthor = await find(w.memberA, 'q=zephyrine status:draft');
    expect(forAuthor.items.map((h: { title: string }) => h.title)).toEqual(['Zephyrine draft notes']);
  });

  it('keeps anonymous authors anonymous: a pseudonym in hits, and an author filter never matches them', async () => {
    const topic = await startTopic(w.memberA.client, schoolSpace.id, { title: 'Quillwort question', body: 'Named opening' });
    await reply(w.otherA.client, topic.id, { body: 'Quillwort thoughts said without my name', anonymous: true });
    await settle(t);
    const body = await find(w.memberA, 'q=quillwort');
    const anonymousHit = body.items.find((h: { type: string; snippet: string }) => h.type === 'post' && /without my name/.test(h.snippet));
    expect(anonymousHit.author).toEqual({ displayName: expect.stringMatching(/^Participant \d+$/), anonymous: true, pseudonym: expect.any(String) });
    expect(JSON.stringify(body)).not.toContain(w.otherA.id);
    expect(JSON.stringify(body)).not.toContain(w.otherA.displayName);
    const [handle] = await t.db.query('SELECT handle FROM app_user WHERE id = $1', [w.otherA.id]);
    if (handle.handle) expect((await find(w.memberA, `q=${encodeURIComponent(`quillwort author:${handle.handle}`)}`)).items).toEqual([]);
  });

  it('filters by type, tag, phase, space and status, inline or as parameters, and counts facets', async () => {
    await startTopic(w.memberA.client, schoolSpace.id, { title: 'Larkspur admissions rubric', body: 'About rubrics', tags: ['admissions'] });
    await publishedArticle(w.memberA.client, reviewer, { title: 'Larkspur toolkit', type: 'toolkit', tags: ['admissions'], phases: [3] });
    await settle(t);
    const all = await find(w.memberA, 'q=larkspur');
    expect(all.facets.type).toMatchObject({ topic: 1, article: 1 });
    expect(all.facets.tag.admissions).toBeGreaterThanOrEqual(2);
    const articles = await find(w.memberA, `q=${encodeURIComponent('larkspur type:toolkit')}`);
    expect(articles.items.map((h: { type: string }) => h.type)).toEqual(['article']);
    const sameAsParam = await find(w.memberA, 'q=larkspur&type=toolkit');
    expect(ids(sameAsParam)).toEqual(ids(articles));
    const inSpace = await find(w.memberA, `q=${encodeURIComponent(`larkspur in:${schoolSpace.slug}`)}`);
    expect(inSpace.items.map((h: { type: string }) => h.type)).toEqual(['topic']);
    expect((await find(w.memberA, `q=${encodeURIComponent('larkspur phase:3 type:article')}`)).items).toHaveLength(1);
    expect((await find(w.memberA, `q=${encodeURIComponent('larkspur status:published')}`)).items.map((h: { type: string }) => h.type)).toEqual(['article']);
    // A space the reader cannot read is a space that does not exist: nothing, not everything.
    expect((await find(w.memberB, `q=${encodeURIComponent(`larkspur in:${schoolSpace.slug}`)}`)).items).toEqual([]);
  });

  it('drops deleted posts and archived articles from default results; status:archived finds the article again', async () => {
    const topic = await startTopic(w.memberA.client, openSpace.id, { title: 'Sorrel plans', body: 'First words' });
    const gone = await reply(w.memberA.client, topic.id, { body: 'Sorrel details to delete' });
    const article = await publishedArticle(w.memberA.client, reviewer, { title: 'Sorrel guide', type: 'guide' });
    await settle(t);
    expect(ids(await find(w.memberB, 'q=sorrel'))).toEqual(expect.arrayContaining([topic.id, gone.id, article.id]));
    await expectOk(w.memberA.client.delete(`${API}/posts/${gone.id}`));
    await expectOk(w.memberA.client.post(`${API}/knowledge/articles/${article.id}/archive`));
    await settle(t);
    const after = ids(await find(w.memberB, 'q=sorrel'));
    expect(after).toContain(topic.id);
    expect(after).not.toContain(gone.id);
    expect(after).not.toContain(article.id);
    expect(ids(await find(w.memberB, `q=${encodeURIComponent('sorrel status:archived')}`))).toEqual([article.id]);
  });

  it('pages with a cursor: every hit once, in order', async () => {
    const topic = await startTopic(w.memberA.client, openSpace.id, { title: 'Yarrow thread', body: 'Yarrow opening' });
    for (let i = 0; i < 6; i += 1) {
      await t.clock.advance(61_000);
      await reply(w.memberA.client, topic.id, { body: `Yarrow reply number ${i}` });
    }
    await settle(t);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await find(w.memberB, `q=yarrow&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);
    // The topic (its title and opening post together) and the six replies.
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });
}
