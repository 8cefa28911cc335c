// Forum data at the scale of the forum issue, written straight into the bench database after the app migrated
// it: 5 schools (the 3 demo ones and 2 more), people with live sessions, 20 spaces, 100k topics, 1M posts,
// and read state. Set-based SQL (one INSERT ... SELECT per table), so it stays well under the time budget.
import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import pg from 'pg';
import { forumPost, generator } from './sample-text.mjs';

const require = createRequire(import.meta.url);

export const FORUM_SCALE = { schools: 5, usersPerSchool: 200, spaces: 20, topics: 100_000, posts: 1_000_000, texts: 64 };
const EMAIL_DOMAIN = 'bench.art-commons.test';

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/**
 * Post counts per topic, as SQL over the topic's sequence number `seq`: in every run of ten topics, one has 28
 * posts and the others 4..12, so the total is exactly 10 per topic on average (1M for 100k topics).
 */
const POSTS_PER_TOPIC_SQL = '(CASE WHEN seq % 10 = 0 THEN 28 ELSE 3 + seq % 10 END)';
/** Space index per topic: space 0 (consortium-wide) is the busy one, with 6 in 25 topics; the other 19 share the rest. */
const SPACE_OF_TOPIC_SQL = '(CASE WHEN seq % 25 >= 20 THEN 0 ELSE seq % 25 END)';

/**
 * Seeds the forum and returns what the load needs: the reader's cookie, cookies of many posters, the busy space,
 * a topic with at least 20 posts, topics to post into, sample bodies, and the timings.
 */
export async function seedForum(databaseUrl, log = () => {}) {
  const { renderMarkdown, RENDERER_VERSION } = require('../../dist/libs/markdown/src/index.js');
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  const steps = {};
  const started = performance.now();
  const step = async (name, fn) => {
    const t0 = performance.now();
    const result = await fn();
    steps[name] = Math.round(performance.now() - t0);
    log(`forum seed: ${name} in ${steps[name]} ms`);
    return result;
  };
  try {
    // Only this session: a crash mid-seed loses the seed, which is thrown away anyway.
    await client.query('SET synchronous_commit = off');
    await client.query("SET statement_timeout = '600s'");

    const { schools, cohorts } = await step('schools', async () => {
      const have = (await client.query('SELECT id FROM institution ORDER BY created_at, slug')).rows.map((r) => r.id);
      for (let i = have.length; i < FORUM_SCALE.schools; i += 1) {
        const [row] = (
          await client.query('INSERT INTO institution (name, slug, description) VALUES ($1, $2, $3) RETURNING id', [
            `Bench School ${i + 1}`,
            `bench-school-${i + 1}`,
            'A school added by the bench.',
          ])
        ).rows;
        have.push(row.id);
      }
      const ids = have.slice(0, FORUM_SCALE.schools);
      await client.query(
        `INSERT INTO cohort (institution_id, name, program_year)
         SELECT id, 'Bench cohort', 2026 FROM unnest($1::uuid[]) AS s(id)
         WHERE NOT EXISTS (SELECT 1 FROM cohort c WHERE c.institution_id = s.id)`,
        [ids],
      );
      const rows = (
        await client.query(
          'SELECT DISTINCT ON (institution_id) institution_id, id FROM cohort WHERE institution_id = ANY($1) ORDER BY institution_id, created_at',
          [ids],
        )
      ).rows;
      const bySchool = new Map(rows.map((r) => [r.institution_id, r.id]));
      return { schools: ids, cohorts: ids.map((id) => bySchool.get(id)) };
    });

    // Person n belongs to school n % 5; all are plain members of their school's cohort. Each gets one live session.
    const userCount = FORUM_SCALE.schools * FORUM_SCALE.usersPerSchool;
    const tokens = Array.from({ length: userCount }, (_, n) => `as_bench${n}_${randomBytes(24).toString('base64url')}`);
    const users = await step('people and sessions', async () => {
      const ids = (
        await client.query(
          `INSERT INTO app_user (email, display_name, school_role, institution_id)
           SELECT 'bench.person.' || n || '@${EMAIL_DOMAIN}', 'Bench Person ' || n, 'student', ($1::uuid[])[1 + n % $2]
           FROM generate_series(0, $3 - 1) AS n ORDER BY n RETURNING id`,
          [schools, FORUM_SCALE.schools, userCount],
        )
      ).rows.map((r) => r.id);
      await client.query(
        `INSERT INTO cohort_member (cohort_id, user_id)
         SELECT ($1::uuid[])[1 + (n - 1) % $3], u FROM unnest($2::uuid[]) WITH ORDINALITY AS x(u, n)`,
        [cohorts, ids, FORUM_SCALE.schools],
      );
      await client.query(
        `INSERT INTO user_session (user_id, token_hash, expires_at)
         SELECT u, h, now() + interval '30 days' FROM unnest($1::uuid[], $2::text[]) AS x(u, h)`,
        [ids, tokens.map(sha256)],
      );
      return ids;
    });

    // Spaces 0..9 consortium-wide, 10..19 two per school.
    const spaces = await step('spaces', async () => {
      const specs = Array.from({ length: FORUM_SCALE.spaces }, (_, i) => {
        const school = i < 10 ? null : (i - 10) % FORUM_SCALE.schools;
        return { slug: `bench-space-${i}`, name: `Bench space ${i}`, scope: school === null ? 'consortium' : `inst:${schools[school]}`, school };
      });
      const ids = (
        await client.query(
          `INSERT INTO space (slug, name, description, scope_key)
           SELECT slug, name, 'A space seeded by the bench.', scope FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS x(slug, name, scope, n)
           ORDER BY n RETURNING id`,
          [specs.map((s) => s.slug), specs.map((s) => s.name), specs.map((s) => s.scope)],
        )
      ).rows.map((r) => r.id);
      return specs.map((s, i) => ({ ...s, id: ids[i] }));
    });

    // The plan of every topic in a temporary table (not WAL-logged): its space, school, author and post count.
    await step('topic plan', async () => {
      await client.query(
        `CREATE TEMP TABLE bench_topic AS
         SELECT gen_random_uuid() AS id, seq, ${SPACE_OF_TOPIC_SQL} AS space_index, ${POSTS_PER_TOPIC_SQL} AS posts,
           now() - interval '1 day' - (${FORUM_SCALE.topics} - seq) * interval '5 minutes' AS created_at
         FROM generate_series(1, ${FORUM_SCALE.topics}) AS seq`,
      );
      await client.query('ALTER TABLE bench_topic ADD COLUMN space_id uuid, ADD COLUMN school int');
      await client.query(
        `UPDATE bench_topic b SET space_id = ($1::uuid[])[1 + b.space_index], school = ($2::int[])[1 + b.space_index]`,
        [spaces.map((s) => s.id), spaces.map((s) => (s.school === null ? -1 : s.school))],
      );
    });

    // Authors come from the space's school (any school for consortium spaces): person index = school + 5 * k.
    const authorSql = (salt) =>
      `($1::uuid[])[1 + (CASE WHEN b.school >= 0 THEN b.school ELSE (b.seq + ${salt}) % ${FORUM_SCALE.schools} END)
         + ${FORUM_SCALE.schools} * ((b.seq * 37 + ${salt} * 11) % ${FORUM_SCALE.usersPerSchool})]`;

    // A bulk load builds its search indexes once at the end (as migration 1764547200001 defines them), and the search
    // outbox triggers stay off for it: 1.1M outbox rows would only be deleted again.
    await step('search indexes off', () =>
      client.query(`DROP INDEX IF EXISTS post_search_idx, post_created_idx, topic_search_idx;
        ALTER TABLE topic DISABLE TRIGGER topic_search_outbox; ALTER TABLE post DISABLE TRIGGER post_search_outbox;
        ALTER TABLE post DISABLE TRIGGER post_notify`),
    );

    await step('topics', () =>
      client.query(
        `INSERT INTO topic (id, space_id, title, author_id, created_at, bumped_at, post_count, last_post_number, last_listed_post_number)
         SELECT b.id, b.space_id, ($2::text[])[1 + b.seq % array_length($2::text[], 1)] || ' (' || b.seq || ')', ${authorSql(0)},
           b.created_at, b.created_at + (b.posts - 1) * interval '7 minutes', b.posts, b.posts, b.posts
         FROM bench_topic b ORDER BY b.seq`,
        [users, TITLES],
      ),
    );

    // ~55-word bodies rendered by the app's own renderer; each post takes one of them.
    const next = generator(42);
    const sources = Array.from({ length: FORUM_SCALE.texts }, () => forumPost(next));
    const htmls = sources.map((source) => renderMarkdown(source).html);
    const posts = await step('posts', async () => {
      const result = await client.query(
        `INSERT INTO post (topic_id, post_number, author_id, source, html, renderer_version, status, created_at)
         SELECT b.id, g.n, CASE WHEN g.n = 1 THEN ${authorSql(0)} ELSE ${authorSql('g.n')} END,
           ($2::text[])[1 + (b.seq * 31 + g.n) % $4], ($3::text[])[1 + (b.seq * 31 + g.n) % $4], $5, 'visible',
           b.created_at + (g.n - 1) * interval '7 minutes'
         FROM bench_topic b CROSS JOIN LATERAL generate_series(1, b.posts) AS g(n)`,
        [users, sources, htmls, sources.length, RENDERER_VERSION],
      );
      return result.rowCount;
    });

    await step('search indexes on', async () => {
      await client.query("SET maintenance_work_mem = '256MB'");
      await client.query('CREATE INDEX post_search_idx ON post USING gin (search_vector)');
      await client.query(`CREATE INDEX post_created_idx ON post (created_at DESC) WHERE status = 'visible'`);
      await client.query('CREATE INDEX topic_search_idx ON topic USING gin (search_vector)');
      await client.query('ALTER TABLE topic ENABLE TRIGGER topic_search_outbox');
      await client.query('ALTER TABLE post ENABLE TRIGGER post_search_outbox');
      // Nor are 1M seeded posts 1M notify.post jobs (written by the trigger in the same transaction).
      await client.query('ALTER TABLE post ENABLE TRIGGER post_notify');
    });

    // The reader (person 0) has opened every third topic it may read: some fully read, some with unread posts.
    // Every person has read state for a few hundred topics, so topic_read is not a one-person table.
    const readRows = await step('read state', async () => {
      const reader = await client.query(
        `INSERT INTO topic_read (user_id, topic_id, last_read_post_number, updated_at)
         SELECT $1, b.id, CASE WHEN b.seq % 2 = 0 THEN b.posts ELSE 1 + b.seq % b.posts END, now() - interval '1 hour'
         FROM bench_topic b WHERE b.seq % 3 = 0 AND (b.school < 0 OR b.school = 0)`,
        [users[0]],
      );
      const others = await client.query(
        `INSERT INTO topic_read (user_id, topic_id, last_read_post_number, updated_at)
         SELECT u, b.id, 1 + (b.seq + n) % b.posts, now() - interval '1 hour'
         FROM unnest($1::uuid[]) WITH ORDINALITY AS x(u, n)
         JOIN bench_topic b ON b.seq % 400 = n % 400 AND (b.school < 0 OR b.school = (n - 1) % ${FORUM_SCALE.schools})
         WHERE n > 1`,
        [users],
      );
      return reader.rowCount + others.rowCount;
    });

    await step('topic counters', () =>
      client.query('UPDATE space SET topic_count = (SELECT count(*) FROM topic WHERE topic.space_id = space.id)'),
    );
    // VACUUM as well as ANALYZE: a long-lived database has its hint bits and visibility map set; freshly bulk-loaded
    // rows would make the first measured round pay for setting them, on whichever server happens to run first.
    await step('vacuum and analyze', () => client.query('VACUUM (ANALYZE)'));

    const pick = async () => {
      const busy = spaces[0];
      const topic = (
        await client.query('SELECT id, post_count FROM topic WHERE space_id = $1 AND post_count >= 20 ORDER BY bumped_at DESC LIMIT 1', [busy.id])
      ).rows[0];
      // Posting goes to consortium-wide topics outside the busy space, so the read figures' data stays put.
      const targets = (
        await client.query(
          `SELECT t.id FROM topic t WHERE t.space_id = ANY($1) ORDER BY t.bumped_at DESC LIMIT 500`,
          [spaces.slice(1, 10).map((s) => s.id)],
        )
      ).rows.map((r) => r.id);
      return { topic, targets };
    };
    const { topic, targets } = await pick();
    const seedMs = Math.round(performance.now() - started);
    log(`forum seed: done in ${seedMs} ms (${posts} posts, ${readRows} read rows)`);
    return {
      seedMs,
      steps,
      counts: { schools: schools.length, people: users.length, spaces: spaces.length, topics: FORUM_SCALE.topics, posts, topicReads: readRows },
      busySpaceId: spaces[0].id,
      topicId: topic.id,
      topicPostCount: topic.post_count,
      readerCookie: `artc_session=${tokens[0]}`,
      posterCookies: tokens.map((t) => `artc_session=${t}`),
      postTargets: targets,
      sampleBodies: sources,
    };
  } finally {
    await client.end();
  }
}

const TITLES = [
  'How do we start the curriculum review',
  'Sharing our admissions data',
  'Reflections after the first dialogue session',
  'Questions about the assessment framework',
  'What worked in our mentoring pilot',
  'Planning the next coalition meeting',
  'Resources on structural racism in medicine',
  'Feedback on the case vignettes',
];
