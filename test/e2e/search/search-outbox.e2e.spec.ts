import { SearchIndexer } from '@app/search';
import { buildSpace } from '@app/testing';
import { freePort } from '../../support/free-port';
import { startTestApp, type TestApp } from '../../support/test-app';
import { startTopic } from '../forum/forum-support';
import { API, buildWorld, expectOk, type World } from '../knowledge/knowledge-support';

/** These tests drain the outbox themselves: a job runner in the server would race them. */
const NO_JOBS = { RUN_JOBS: 'false' };

const outbox = (t: TestApp) =>
  t.db.query('SELECT entity_type AS type, entity_id AS id, attempts FROM search_outbox ORDER BY id') as Promise<{ type: string; id: string; attempts: number }[]>;

describe('search outbox', () => {
  describe('without an external engine', () => {
    let t: TestApp;
    let w: World;
    beforeAll(async () => {
      t = await startTestApp(NO_JOBS);
      w = await buildWorld(t);
    });
    afterAll(() => t.close());

    it('gets a row in the same transaction as each change, and is emptied (nothing to feed)', async () => {
      await t.db.query('DELETE FROM search_outbox');
      const space = await buildSpace(t.db, { scopeKey: 'consortium' });
      const topic = await startTopic(w.memberA.client, space.id, { title: 'Outbox topic' });
      const rows = await outbox(t);
      expect(rows).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'topic', id: topic.id }), expect.objectContaining({ type: 'post' })]));
      // A bump by a reply is not a change to a topic's document.
      const before = rows.filter((r) => r.type === 'topic').length;
      await t.clock.advance(61_000);
      await expectOk(w.memberA.client.post(`${API}/topics/${topic.id}/posts`, { body: 'A reply' }));
      expect((await outbox(t)).filter((r) => r.type === 'topic')).toHaveLength(before);
      await t.app.get(SearchIndexer).drainAll();
      expect(await outbox(t)).toEqual([]);
    });

    it('writes nothing when the change is rolled back', async () => {
      await t.db.query('DELETE FROM search_outbox');
      const space = await buildSpace(t.db, { scopeKey: 'consortium' });
      const refused = await w.memberA.client.post(`${API}/spaces/${space.id}/topics`, { title: 'x'.repeat(300), body: 'too long a title' });
      expect(refused.status).toBe(400);
      expect(await outbox(t)).toEqual([]);
    });
  });

  describe('with Meilisearch configured but down', () => {
    let t: TestApp;
    let w: World;
    beforeAll(async () => {
      // A port nothing listens on: the engine is configured, and unreachable.
      t = await startTestApp({ ...NO_JOBS, MEILI_URL: `http://127.0.0.1:${await freePort()}` });
      w = await buildWorld(t);
    });
    afterAll(() => t.close());

    it('still accepts writes, answers searches through PostgreSQL, and keeps the outbox for later', async () => {
      const space = await buildSpace(t.db, { scopeKey: 'consortium' });
      const topic = await startTopic(w.memberA.client, space.id, { title: 'Meadowsweet while the engine is down' });
      const found = await expectOk(w.memberB.client.get(`${API}/search?q=meadowsweet`));
      expect(found.engine).toBe('postgres');
      expect(found.items.map((h: { id: string }) => h.id)).toContain(topic.id);
      await expect(t.app.get(SearchIndexer).drainOnce()).rejects.toThrow();
      const kept = await outbox(t);
      expect(kept.map((r) => r.id)).toContain(topic.id);
      expect(kept.some((r) => r.attempts > 0)).toBe(true);
    });
  });
});
