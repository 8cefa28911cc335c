// The digest figures' people and their recent activity, written straight into the bench database after the app
// migrated it (as the forum seed does, one INSERT ... SELECT per table): members over schools and cohorts, spaces in
// every kind of scope with topics and posts of the last three days, read state, unread mentions and digest-routed
// notifications, published, overdue and in-review articles, and upcoming dialogue rooms. Every member gets daily
// digests at hour 0 UTC, left switched off ('never') until digestsDue() switches them on for a run.
import { createRequire } from 'node:module';
import pg from 'pg';
import { COMMON_WORDS } from './search-seed.mjs';
import { forumPost, generator } from './sample-text.mjs';

const require = createRequire(import.meta.url);

const EMAIL_DOMAIN = 'digest.bench.art-commons.test';
const SCHOOLS = 10;
const COHORTS_PER_SCHOOL = 2;
const CONSORTIUM_SPACES = 8;
/** Members come in whole cohorts: the count is rounded down to a multiple of this. */
export const DIGEST_MEMBER_UNIT = SCHOOLS * COHORTS_PER_SCHOOL;

/** How much of everything there is for `members` people (10,000 in the full run). */
export function digestScale(members) {
  const n = Math.max(DIGEST_MEMBER_UNIT, Math.floor(members / DIGEST_MEMBER_UNIT) * DIGEST_MEMBER_UNIT);
  return {
    members: n,
    schools: SCHOOLS,
    cohorts: SCHOOLS * COHORTS_PER_SCHOOL,
    spaces: CONSORTIUM_SPACES + SCHOOLS + SCHOOLS * COHORTS_PER_SCHOOL,
    topics: n / 2,
    recentArticles: Math.max(10, Math.floor(n / 25)),
    overdueArticles: Math.floor(n / 50),
    reviewArticles: Math.max(2, Math.floor(n / 200)),
    rooms: Math.max(6, Math.floor(n / 250)),
  };
}

/**
 * Seeds the digest data for `members` people and returns their ids and the counts. Person n is in school n % 10 and
 * cohort (n / 10) % 2 of it; spaces 0..7 are consortium-wide, then one per school, then one per cohort.
 */
export async function seedDigests(databaseUrl, { members, log = () => {} }) {
  const { renderMarkdown, RENDERER_VERSION } = require('../../dist/libs/markdown/src/index.js');
  const scale = digestScale(members);
  const N = scale.members;
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  const steps = {};
  const counts = {};
  const started = performance.now();
  const step = async (name, fn) => {
    const t0 = performance.now();
    const result = await fn();
    steps[name] = Math.round(performance.now() - t0);
    return result;
  };
  const rows = async (sql, params) => (await client.query(sql, params)).rowCount;
  try {
    await client.query('SET synchronous_commit = off');
    await client.query("SET statement_timeout = '600s'");
    // Bulk rows are not events: no notify.* jobs for posts and reviews that "happened" in the past, no search outbox.
    await client.query(`ALTER TABLE post DISABLE TRIGGER post_notify; ALTER TABLE post DISABLE TRIGGER post_search_outbox;
      ALTER TABLE topic DISABLE TRIGGER topic_search_outbox; ALTER TABLE kb_article DISABLE TRIGGER kb_article_search_outbox;
      ALTER TABLE kb_review DISABLE TRIGGER kb_review_notify`);

    await step('schools and cohorts', async () => {
      await client.query(
        `INSERT INTO institution (name, slug, description)
         SELECT 'Digest School ' || k, 'digest-school-' || k, 'A school added by the digest bench.' FROM generate_series(0, $1 - 1) AS k`,
        [SCHOOLS],
      );
      await client.query(
        `CREATE TEMP TABLE ds_school AS SELECT split_part(slug, '-', 3)::int AS k, id FROM institution WHERE slug LIKE 'digest-school-%'`,
      );
      await client.query(
        `INSERT INTO cohort (institution_id, name, program_year)
         SELECT s.id, 'Digest cohort ' || (s.k * $1 + c), 2026 + c FROM ds_school s CROSS JOIN generate_series(0, $1 - 1) AS c`,
        [COHORTS_PER_SCHOOL],
      );
      await client.query(
        `CREATE TEMP TABLE ds_cohort AS SELECT split_part(c.name, ' ', 3)::int AS k, c.id
         FROM cohort c JOIN ds_school s ON s.id = c.institution_id WHERE c.name LIKE 'Digest cohort %'`,
      );
    });

    await step('members', async () => {
      await client.query(
        `INSERT INTO app_user (email, display_name, school_role, institution_id)
         SELECT 'digest.person.' || n || '@${EMAIL_DOMAIN}', 'Digest Person ' || n,
           (ARRAY['student', 'student', 'student', 'faculty', 'staff'])[1 + n % 5], s.id
         FROM generate_series(0, $1 - 1) AS n JOIN ds_school s ON s.k = n % $2 ORDER BY n`,
        [N, SCHOOLS],
      );
      await client.query(
        `CREATE TEMP TABLE ds_member AS
         SELECT split_part(split_part(email, '@', 1), '.', 3)::int AS n, id, display_name AS name FROM app_user WHERE email LIKE '%@${EMAIL_DOMAIN}'`,
      );
      await client.query(`ALTER TABLE ds_member ADD COLUMN school int, ADD COLUMN cohort int`);
      await client.query(`UPDATE ds_member SET school = n % $1, cohort = (n % $1) * $2 + (n / $1) % $2`, [
        SCHOOLS,
        COHORTS_PER_SCHOOL,
      ]);
      await client.query('CREATE UNIQUE INDEX ON ds_member (n)');
      counts.cohortMembers = await rows(
        `INSERT INTO cohort_member (cohort_id, user_id) SELECT c.id, m.id FROM ds_member m JOIN ds_cohort c ON c.k = m.cohort`,
      );
      counts.members = N;
    });

    // Spaces: 0..7 consortium-wide, then one per school, then one per cohort.
    await step('spaces', async () => {
      await client.query(
        `CREATE TEMP TABLE ds_space AS
         SELECT k, CASE WHEN k < $1 THEN 'consortium' WHEN k < $1 + $2 THEN 'school' ELSE 'cohort' END AS kind,
           CASE WHEN k < $1 THEN NULL WHEN k < $1 + $2 THEN k - $1 ELSE (k - $1 - $2) / $3 END AS school,
           CASE WHEN k < $1 + $2 THEN NULL ELSE k - $1 - $2 END AS cohort
         FROM generate_series(0, $4 - 1) AS k`,
        [CONSORTIUM_SPACES, SCHOOLS, COHORTS_PER_SCHOOL, scale.spaces],
      );
      await client.query(`ALTER TABLE ds_space ADD COLUMN scope text, ADD COLUMN id uuid`);
      await client.query(
        `UPDATE ds_space d SET scope = CASE d.kind WHEN 'consortium' THEN 'consortium'
           WHEN 'school' THEN 'inst:' || (SELECT id FROM ds_school s WHERE s.k = d.school)
           ELSE 'cohort:' || (SELECT id FROM ds_cohort c WHERE c.k = d.cohort) END, id = gen_random_uuid()`,
      );
      counts.spaces = await rows(
        `INSERT INTO space (id, slug, name, description, scope_key, allow_anonymous)
         SELECT id, 'digest-space-' || k, 'Digest ' || kind || ' space ' || k, 'A space seeded by the digest bench.', scope, kind = 'cohort'
         FROM ds_space ORDER BY k`,
      );
    });

    // Who may write in a space: anyone (consortium), the school's members, the cohort's members. Person index as SQL.
    const authorSql = (salt) =>
      `(CASE sp.kind WHEN 'consortium' THEN (${salt}) % ${N}
         WHEN 'school' THEN sp.school + ${SCHOOLS} * ((${salt}) % ${N / SCHOOLS})
         ELSE sp.school + ${SCHOOLS} * ((sp.cohort % ${COHORTS_PER_SCHOOL}) + ${COHORTS_PER_SCHOOL} * ((${salt}) % ${N / scale.cohorts})) END)`;

    await step('topics and posts', async () => {
      // Started over the last three days (so about a third were active in the last one), 2..8 posts each, at most
      // 25 minutes apart and none in the future; one topic in 40 of the cohort spaces is anonymous.
      await client.query(
        `CREATE TEMP TABLE ds_topic AS
         SELECT gen_random_uuid() AS id, seq, seq % $1 AS space_k, 2 + (seq * 5) % 7 AS posts,
           now() - interval '10 minutes' - interval '72 hours' * (((seq * 7919) % 1000) / 1000.0) AS created_at
         FROM generate_series(1, $2) AS seq`,
        [scale.spaces, scale.topics],
      );
      await client.query(`ALTER TABLE ds_topic ADD COLUMN gap interval, ADD COLUMN author int, ADD COLUMN anonymous boolean`);
      await client.query(
        `UPDATE ds_topic t SET gap = least(interval '25 minutes', (now() - t.created_at) / t.posts),
           author = ${authorSql('t.seq * 37')}, anonymous = sp.kind = 'cohort' AND t.seq % 40 = 0
         FROM ds_space sp WHERE sp.k = t.space_k`,
      );
      const next = generator(606);
      const sources = Array.from({ length: 48 }, () => forumPost(next));
      const htmls = sources.map((source) => renderMarkdown(source).html);
      counts.topics = await rows(
        `INSERT INTO topic (id, space_id, title, author_id, anonymous, pseudonym_count, created_at, bumped_at, post_count,
           last_post_number, last_listed_post_number)
         SELECT t.id, sp.id, initcap(($1::text[])[1 + t.seq % array_length($1::text[], 1)]) || ' and '
             || ($1::text[])[1 + (t.seq * 13) % array_length($1::text[], 1)] || ' (' || t.seq || ')',
           m.id, t.anonymous, CASE WHEN t.anonymous THEN 1 ELSE 0 END, t.created_at, t.created_at + (t.posts - 1) * t.gap,
           t.posts, t.posts, t.posts
         FROM ds_topic t JOIN ds_space sp ON sp.k = t.space_k JOIN ds_member m ON m.n = t.author ORDER BY t.seq`,
        [COMMON_WORDS],
      );
      await client.query(
        `INSERT INTO topic_pseudonym (topic_id, user_id, number)
         SELECT t.id, m.id, 1 FROM ds_topic t JOIN ds_member m ON m.n = t.author WHERE t.anonymous`,
      );
      counts.posts = await rows(
        `INSERT INTO post (topic_id, post_number, author_id, anonymous, pseudonym_number, source, html, renderer_version, status, created_at)
         SELECT t.id, g.n, m.id, t.anonymous AND g.n = 1, CASE WHEN t.anonymous AND g.n = 1 THEN 1 END,
           ($1::text[])[1 + (t.seq * 31 + g.n) % $3], ($2::text[])[1 + (t.seq * 31 + g.n) % $3], $4, 'visible',
           t.created_at + (g.n - 1) * t.gap
         FROM ds_topic t JOIN ds_space sp ON sp.k = t.space_k
           CROSS JOIN LATERAL generate_series(1, t.posts) AS g(n)
           JOIN ds_member m ON m.n = CASE WHEN g.n = 1 THEN t.author ELSE ${authorSql('t.seq * 37 + g.n * 101')} END`,
        [sources, htmls, sources.length, RENDERER_VERSION],
      );
      await client.query(`UPDATE space SET topic_count = (SELECT count(*) FROM topic WHERE topic.space_id = space.id)
        WHERE id IN (SELECT id FROM ds_space)`);
    });

    // Everyone has opened some of the topics they can read (one in 60): half read to the end, half not.
    await step('read state', async () => {
      counts.topicReads = await rows(
        `INSERT INTO topic_read (user_id, topic_id, last_read_post_number, updated_at)
         SELECT m.id, t.id, CASE WHEN (t.seq + m.n) % 2 = 0 THEN t.posts ELSE 1 END, now() - interval '30 minutes'
         FROM ds_member m JOIN ds_topic t ON t.seq % 60 = m.n % 60 JOIN ds_space sp ON sp.k = t.space_k
         WHERE sp.kind = 'consortium' OR (sp.kind = 'school' AND sp.school = m.school) OR (sp.kind = 'cohort' AND sp.cohort = m.cohort)`,
      );
    });

    // Three in ten have 1..3 unread mentions from consortium topics; one in ten a digest-routed reply notification.
    await step('notifications', async () => {
      await client.query(
        `CREATE TEMP TABLE ds_ctopic AS
         SELECT t.*, row_number() OVER (ORDER BY t.seq) - 1 AS i FROM ds_topic t JOIN ds_space sp ON sp.k = t.space_k
         WHERE sp.kind = 'consortium' AND NOT t.anonymous`,
      );
      const [{ n: consortiumTopics }] = (await client.query('SELECT count(*)::int AS n FROM ds_ctopic')).rows;
      counts.mentions = await rows(
        `INSERT INTO notification (user_id, kind, group_key, thread_key, actor_id, actor_name, subject, url, scope_key, topic_id,
           post_number, channel, created_at, updated_at)
         SELECT m.id, 'mentioned', 'mentioned:' || p.id, 'topic:' || t.id, a.id, a.display_name, tt.title,
           '/forum/t/' || t.id || '#post-' || p.post_number, 'consortium', t.id, p.post_number, 'in_app', w.at, w.at
         FROM ds_member m CROSS JOIN LATERAL generate_series(1, 1 + m.n % 3) AS j
           JOIN ds_ctopic t ON t.i = (m.n * 31 + j * 17) % $1
           JOIN post p ON p.topic_id = t.id AND p.post_number = 1 + (m.n + j) % t.posts
           JOIN app_user a ON a.id = p.author_id JOIN topic tt ON tt.id = t.id
           CROSS JOIN LATERAL (SELECT now() - interval '20 hours' * (((m.n * j) % 100) / 100.0) AS at) w
         WHERE m.n % 10 < 3 AND a.id <> m.id
         ON CONFLICT DO NOTHING`,
        [consortiumTopics],
      );
      counts.digestReplies = await rows(
        `INSERT INTO notification (user_id, kind, group_key, thread_key, actor_id, actor_name, subject, url, scope_key, topic_id,
           post_number, count, channel, created_at, updated_at)
         SELECT m.id, 'replied', 'replied:' || t.id, 'topic:' || t.id, a.id, a.display_name, tt.title,
           '/forum/t/' || t.id || '#post-2', 'consortium', t.id, 2, 1 + m.n % 4, 'email_digest',
           now() - interval '5 hours', now() - interval '3 hours'
         FROM ds_member m JOIN ds_ctopic t ON t.i = (m.n * 7) % $1
           JOIN post p ON p.topic_id = t.id AND p.post_number = 2 JOIN app_user a ON a.id = p.author_id JOIN topic tt ON tt.id = t.id
         WHERE m.n % 10 = 5 AND a.id <> m.id
         ON CONFLICT DO NOTHING`,
        [consortiumTopics],
      );
      await client.query(`INSERT INTO notification_preference (user_id, kind, channel)
        SELECT id, 'replied', 'email_digest' FROM ds_member WHERE n % 10 = 5 ON CONFLICT DO NOTHING`);
    });

    // Articles: recently published or updated (half consortium-wide, half a school's), overdue verifications of
    // people's own articles, and articles in review with two reviewers each.
    await step('articles', async () => {
      const next = generator(707);
      const bodies = Array.from({ length: 16 }, () => `${forumPost(next, 120)}\n\n${forumPost(next, 120)}`);
      const articleHtml = bodies.map((body) => renderMarkdown(body).html);
      const types = ['guide', 'toolkit', 'template', 'case_study', 'research_summary', 'video', 'value_story'];
      const insert = (select) =>
        `INSERT INTO kb_article (title, summary, body, html, renderer_version, type, phases, tags, scope_key, owner_id, status,
           verification_interval_days, verified_at, published_at, created_at, updated_at) ${select}`;
      // Title, summary, body, html, renderer version, type, phases and tags of article number g.k.
      const common = `'Digest article ' || g.k || ': ' || ($3::text[])[1 + g.k % array_length($3::text[], 1)] || ' in practice',
           'What we learned about ' || ($3::text[])[1 + (g.k * 7) % array_length($3::text[], 1)] || ' and how to start.',
           ($1::text[])[1 + g.k % array_length($1::text[], 1)], ($2::text[])[1 + g.k % array_length($2::text[], 1)], $4,
           ($5::text[])[1 + g.k % 7], ARRAY[1 + g.k % 6]::smallint[], ARRAY[($3::text[])[1 + (g.k * 3) % array_length($3::text[], 1)]]`;
      const params = [bodies, articleHtml, COMMON_WORDS, RENDERER_VERSION, types];
      counts.recentArticles = await rows(
        insert(`SELECT ${common}, CASE WHEN g.k % 2 = 0 THEN 'consortium' ELSE 'inst:' || s.id END, m.id, 'published', 90,
             w.published, w.published, w.published - interval '2 days',
             w.published + CASE WHEN g.k % 3 = 0 THEN interval '2 hours' ELSE interval '0' END
           FROM generate_series(1, $6) AS g(k) JOIN ds_member m ON m.n = (g.k * 53) % $7 JOIN ds_school s ON s.k = m.school
             CROSS JOIN LATERAL (SELECT now() - interval '3 hours' - interval '40 hours' * ((g.k * 7 % 100) / 100.0) AS published) w`),
        [...params, scale.recentArticles, N],
      );
      counts.overdueArticles = await rows(
        insert(`SELECT ${common}, 'inst:' || s.id, m.id, 'published', 90,
             now() - interval '90 days' - CASE WHEN m.n % 3 = 0 THEN interval '12 hours' ELSE interval '10 days' END,
             now() - interval '200 days', now() - interval '201 days', now() - interval '100 days'
           FROM generate_series(1, $6) AS g(k) JOIN ds_member m ON m.n = g.k * 50 - 50 JOIN ds_school s ON s.k = m.school`),
        [...params, scale.overdueArticles],
      );
      await client.query(`CREATE TEMP TABLE ds_review AS SELECT gen_random_uuid() AS id, k FROM generate_series(1, $1) AS k`, [
        scale.reviewArticles,
      ]);
      counts.reviewArticles = await rows(
        `INSERT INTO kb_article (id, title, summary, body, html, renderer_version, type, phases, tags, scope_key, owner_id, status,
           created_at, updated_at)
         SELECT g.id, ${common}, 'consortium', m.id, 'in_review', now() - interval '2 days', now() - interval '6 hours'
         FROM ds_review g JOIN ds_member m ON m.n = (g.k * 97) % $6`,
        [...params, N],
      );
      counts.reviews = await rows(
        `INSERT INTO kb_review (article_id, reviewer_id, assigned_at)
         SELECT r.id, m.id, now() - interval '5 hours' FROM ds_review r CROSS JOIN generate_series(0, 1) AS j
           JOIN ds_member m ON m.n = (r.k * 211 + j * 7 + 1) % $1`,
        [N],
      );
    });

    // Dialogue rooms starting within the coming week, in every kind of scope.
    await step('rooms', async () => {
      counts.rooms = await rows(
        `INSERT INTO chat_room (title, scope_key, guiding_question, starts_at, ends_at, created_by_id, created_at)
         SELECT 'Dialogue circle ' || g.k || ': ' || ($1::text[])[1 + g.k % array_length($1::text[], 1)], sp.scope,
           'What would change ' || ($1::text[])[1 + (g.k * 5) % array_length($1::text[], 1)] || ' for our students?',
           w.starts, w.starts + interval '90 minutes', m.id, now() - (g.k % 20) * interval '1 hour'
         FROM generate_series(1, $2) AS g(k) JOIN ds_space sp ON sp.k = (g.k * 3) % $3
           JOIN ds_member m ON m.n = ${authorSql('g.k * 41')}
           CROSS JOIN LATERAL (SELECT now() + interval '2 hours' + (g.k % 6) * interval '1 day' AS starts) w`,
        [COMMON_WORDS, scale.rooms, scale.spaces],
      );
    });

    // Daily at hour 0 in UTC, off for now; everyone else (demo people, other benches' people) gets no digest at all.
    await step('digest settings', async () => {
      await client.query(
        `INSERT INTO notification_setting (user_id, digest_frequency, digest_hour, time_zone)
         SELECT id, 'never', 0, 'UTC' FROM ds_member
         ON CONFLICT (user_id) DO UPDATE SET digest_frequency = 'never', digest_hour = 0, time_zone = 'UTC', quiet_until = NULL`,
      );
      counts.othersWithoutDigest = await rows(
        `INSERT INTO notification_setting (user_id, digest_frequency)
         SELECT id, 'never' FROM app_user WHERE email NOT LIKE '%@${EMAIL_DOMAIN}'
         ON CONFLICT (user_id) DO UPDATE SET digest_frequency = 'never'`,
      );
    });

    const memberIds = (await client.query('SELECT id FROM ds_member ORDER BY n')).rows.map((r) => r.id);
    await client.query(`ALTER TABLE post ENABLE TRIGGER post_notify; ALTER TABLE post ENABLE TRIGGER post_search_outbox;
      ALTER TABLE topic ENABLE TRIGGER topic_search_outbox; ALTER TABLE kb_article ENABLE TRIGGER kb_article_search_outbox;
      ALTER TABLE kb_review ENABLE TRIGGER kb_review_notify`);
    await step('vacuum and analyze', () =>
      client.query(
        'VACUUM (ANALYZE) app_user, cohort_member, space, topic, post, topic_read, topic_pseudonym, notification, notification_setting, notification_preference, kb_article, kb_review, chat_room',
      ),
    );
    const seedMs = Math.round(performance.now() - started);
    log(`digest seed: ${N} members, ${counts.topics} topics, ${counts.posts} posts, ${counts.mentions} mentions in ${seedMs} ms`);
    return { seedMs, steps, counts, scale, memberIds };
  } finally {
    await client.end();
  }
}

/** Switches the members' daily digests on ('daily') or off ('never'). */
export async function digestsDue(client, memberIds, on) {
  await client.query(`UPDATE notification_setting SET digest_frequency = $2 WHERE user_id = ANY($1::uuid[])`, [
    memberIds,
    on ? 'daily' : 'never',
  ]);
}
