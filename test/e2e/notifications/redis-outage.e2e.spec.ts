import { PrivateRedis } from '../../support/private-redis';
import { startTestApp, type TestApp } from '../../support/test-app';
import { afterFloodWindow, buildWorld, reply, space, startTopic, type World } from '../forum/forum-support';
import { handleOf, notificationsOf, settled } from './notification-support';

const describeWithRedisServer = process.env.REDIS_URL ? describe : describe.skip;

/** A real Redis stopped and started again while people post: posting goes on, and nothing is lost. */
describeWithRedisServer('Redis outage', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    redis = await PrivateRedis.start();
    t = await startTestApp({ REDIS_URL: redis.url });
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await redis.resume().catch(() => undefined);
    await t.close();
    await redis.stop();
  });

  it('keeps posting working while Redis is down and delivers everything once it is back', async () => {
    const consortium = await space(t, { scopeKey: 'consortium' });
    const topic = await startTopic(w.memberA.client, consortium.id, { title: 'Through the outage' });
    const handle = await handleOf(t, w.memberB.id);
    await reply(w.memberA.client, topic.id, { body: `Before, @${handle}` });
    await settled(t);
    expect((await notificationsOf(w.memberB.client)).items).toHaveLength(1);

    await redis.stop();
    for (let i = 1; i <= 3; i++) {
      await afterFloodWindow(t);
      const started = Date.now();
      await reply(w.memberA.client, topic.id, { body: `During ${i}, @${handle}` });
      // Producers fail fast: a post does not wait on a Redis that is not there.
      expect(Date.now() - started).toBeLessThan(5_000);
    }
    const parked = await t.db.query(`SELECT name FROM job_outbox WHERE name = 'notify.post'`);
    expect(parked).toHaveLength(3);

    await redis.resume();
    const deadline = Date.now() + 20_000;
    let mentions = 0;
    while (Date.now() < deadline && mentions < 4) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      mentions = (await notificationsOf(w.memberB.client)).items.filter((n) => n.kind === 'mentioned').length;
    }
    expect(mentions).toBe(4);
    expect(await t.db.query(`SELECT 1 FROM job_outbox WHERE name = 'notify.post'`)).toEqual([]);
  });
});
