// The fan-out figure's people and topics, written straight into the bench database (as the chat seed does): members
// with live sessions who all watch the same topics (one topic per trial), and one more member who posts in them.
import pg from 'pg';
import { seedSignedInPeople } from './seed-people.mjs';

const EMAIL_DOMAIN = 'fanout.bench.art-commons.test';

/**
 * Inserts `watchers` members and an author (spread over the schools already there, each with one live session), a
 * consortium-wide space, and `topics` topics in it, each with its opening post by the author and a 'watching'
 * subscription of every watcher. Returns the cookies and topic ids; `tag` keeps the rows of two calls apart.
 */
export async function seedFanout(databaseUrl, { watchers, topics, tag }) {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  const started = performance.now();
  try {
    await client.query('SET synchronous_commit = off');
    // Person 0 posts; persons 1..watchers watch.
    const { ids, tokens } = await seedSignedInPeople(client, {
      count: watchers + 1,
      tokenPrefix: 'as_fanout',
      emailSql: `'fanout.' || $4 || '.' || n || '@${EMAIL_DOMAIN}'`,
      nameSql: `'Fanout Person ' || n`,
      params: [tag],
      what: 'fan-out',
    });
    const [space] = (
      await client.query(
        `INSERT INTO space (slug, name, description, scope_key) VALUES ($1, $2, 'A space seeded by the fan-out bench.', 'consortium') RETURNING id`,
        [`fanout-bench-${tag}`, `Fan-out bench ${tag}`],
      )
    ).rows;
    // The opening posts are no events (they would notify nobody yet): no notify.post job for them.
    await client.query('ALTER TABLE post DISABLE TRIGGER post_notify');
    const topicIds = [];
    try {
      for (let k = 0; k < topics; k += 1) {
        const [topic] = (
          await client.query(
            `INSERT INTO topic (space_id, title, author_id, created_at, bumped_at, post_count, last_post_number, last_listed_post_number)
             VALUES ($1, $2, $3, now() - interval '1 hour', now() - interval '1 hour', 1, 1, 1) RETURNING id`,
            [space.id, `Fan-out bench topic ${k + 1} (${tag})`, ids[0]],
          )
        ).rows;
        await client.query(
          `INSERT INTO post (topic_id, post_number, author_id, source, html, renderer_version, status, created_at)
           VALUES ($1, 1, $2, 'Watch this topic.', '<p>Watch this topic.</p>', 1, 'visible', now() - interval '1 hour')`,
          [topic.id, ids[0]],
        );
        topicIds.push(topic.id);
      }
    } finally {
      await client.query('ALTER TABLE post ENABLE TRIGGER post_notify');
    }
    await client.query(
      `INSERT INTO subscription (user_id, target_type, target_id, level)
       SELECT u, 'topic', t, 'watching' FROM unnest($1::uuid[]) AS u CROSS JOIN unnest($2::uuid[]) AS t`,
      [ids.slice(1), topicIds],
    );
    await client.query('UPDATE space SET topic_count = $2 WHERE id = $1', [space.id, topics]);
    await client.query('ANALYZE app_user, user_session, subscription, topic, post');
    return {
      seedMs: Math.round(performance.now() - started),
      authorCookie: `artc_session=${tokens[0]}`,
      cookies: tokens.slice(1).map((t) => `artc_session=${t}`),
      topicIds,
    };
  } finally {
    await client.end();
  }
}
