// The search figures' data, on top of the forum seed's 1M posts: 20k published articles over the same schools,
// and made-up rare words placed in a known number of posts and articles, so the 200 queries can mix words that
// match half the posts with words that match a handful.
import pg from 'pg';
import { forumPost, generator } from './sample-text.mjs';

export const SEARCH_SCALE = { articles: 20_000, rareWords: 60 };

const SYLLABLES = ['bre', 'lu', 'na', 'zo', 'hux', 'mes', 'tra', 'la', 'pi', 'ta', 'vo', 'zin', 'do', 'ro', 'fen', 'ker', 'quil', 'yar', 'wen', 'dax'];

/** Invented words (never in the sample vocabulary) and how many posts each goes into: 1 to ~3,000, spread evenly on a log scale. */
export function rareWords(count = SEARCH_SCALE.rareWords) {
  const next = generator(99);
  const words = new Set();
  while (words.size < count) {
    const n = 3 + Math.floor(next() * 2);
    words.add(Array.from({ length: n }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]).join(''));
  }
  return [...words].map((word, i) => ({ word, posts: Math.max(1, Math.round(Math.exp((Math.log(3000) * i) / (count - 1)))) }));
}

/** The common words of the sample vocabulary a person would type (not stop words). */
export const COMMON_WORDS = (
  'curriculum equity students faculty racism medicine clinical patients community learning coalition school dean bias assessment ' +
  'reflection dialogue structural health outcomes residency admissions mentoring data review policy change feedback workshop ' +
  'session cohort evidence practice training support voices history trust care language framework accountability action plan ' +
  'measure progress team meeting goals shared experience listening'
).split(' ');

/**
 * Adds the articles and the rare words, after the forum seed: its people write the articles, half of them
 * consortium-wide and the rest in the schools' own scopes.
 */
export async function seedSearch(databaseUrl, log = () => {}) {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  const started = performance.now();
  const words = rareWords();
  try {
    await client.query('SET synchronous_commit = off');
    await client.query("SET statement_timeout = '300s'");
    const users = (await client.query(`SELECT id FROM app_user WHERE email LIKE 'bench.person.%' ORDER BY email LIMIT 1000`)).rows.map((r) => r.id);
    const schools = (await client.query('SELECT id FROM institution ORDER BY created_at, slug LIMIT 5')).rows.map((r) => r.id);
    await client.query('ALTER TABLE kb_article DISABLE TRIGGER kb_article_search_outbox');
    await client.query('ALTER TABLE post DISABLE TRIGGER post_search_outbox');
    const next = generator(7);
    const bodies = Array.from({ length: 64 }, () => `${forumPost(next, 120)}\n\n${forumPost(next, 120)}`);
    const types = ['guide', 'toolkit', 'template', 'case_study', 'research_summary', 'video', 'value_story'];
    const scopes = ['consortium', ...schools.map((id) => `inst:${id}`)];
    await client.query(
      `INSERT INTO kb_article (title, summary, body, html, renderer_version, type, phases, tags, scope_key, owner_id, status,
         verified_at, published_at, created_at, updated_at)
       SELECT 'Bench article ' || n || ': ' || ($4::text[])[1 + n % array_length($4::text[], 1)],
         'A seeded article about ' || ($4::text[])[1 + (n * 7) % array_length($4::text[], 1)],
         ($1::text[])[1 + n % array_length($1::text[], 1)], '<p>seeded</p>', 1,
         ($2::text[])[1 + n % 7], ARRAY[1 + n % 6]::smallint[], ARRAY[($4::text[])[1 + (n * 3) % array_length($4::text[], 1)]],
         CASE WHEN n % 2 = 0 THEN 'consortium' ELSE ($3::text[])[2 + n % (array_length($3::text[], 1) - 1)] END,
         ($5::uuid[])[1 + n % array_length($5::uuid[], 1)], 'published',
         now() - (n % 60) * interval '1 day', now() - (n % 400) * interval '1 day', now() - (n % 400) * interval '1 day',
         now() - (n % 400) * interval '1 day'
       FROM generate_series(1, $6) AS n`,
      [bodies, types, scopes, COMMON_WORDS, users, SEARCH_SCALE.articles],
    );
    // Each rare word goes into about `posts` posts (chosen by a hash, so the same ones each run) and a tenth as many articles.
    const [{ rowCount: posts }] = [
      await client.query(
        `WITH words AS (SELECT w, c, i FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS x(w, c, i)),
           chosen AS (
             SELECT p.id, string_agg(words.w, ' ' ORDER BY words.i) AS extra FROM post p JOIN words
               ON (hashtext(p.id::text || ':' || words.i) & 2147483647)::float8 / 2147483648 < words.c::float8 / $3
             GROUP BY p.id)
         UPDATE post p SET source = p.source || E'\\n\\nAlso: ' || chosen.extra || '.' FROM chosen WHERE chosen.id = p.id`,
        [words.map((w) => w.word), words.map((w) => w.posts), 1_000_000],
      ),
    ];
    await client.query(
      `WITH words AS (SELECT w, c, i FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS x(w, c, i)),
         chosen AS (
           SELECT a.id, string_agg(words.w, ' ' ORDER BY words.i) AS extra FROM kb_article a JOIN words
             ON (hashtext(a.id::text || ':' || words.i) & 2147483647)::float8 / 2147483648 < words.c::float8 / 10 / $3
           GROUP BY a.id)
       UPDATE kb_article a SET body = a.body || E'\\n\\nSee also: ' || chosen.extra || '.' FROM chosen WHERE chosen.id = a.id`,
      [words.map((w) => w.word), words.map((w) => w.posts), SEARCH_SCALE.articles],
    );
    await client.query('ALTER TABLE kb_article ENABLE TRIGGER kb_article_search_outbox');
    await client.query('ALTER TABLE post ENABLE TRIGGER post_search_outbox');
    await client.query('VACUUM (ANALYZE) post, topic, kb_article');
    const seedMs = Math.round(performance.now() - started);
    log(`search seed: ${SEARCH_SCALE.articles} articles, rare words in ${posts} posts, in ${seedMs} ms`);
    return { seedMs, articles: SEARCH_SCALE.articles, postsWithRareWords: posts, words };
  } finally {
    await client.end();
  }
}
