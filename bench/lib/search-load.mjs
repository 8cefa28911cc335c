// The search figures: 200 queries of one and two words, common and rare, through the app's GET /api/v1/search as a
// member (consortium + their school + their cohort), each beside the plain rank-all PostgreSQL full-text query for
// the same words and the same visibility, alternating so both see the same machine. And the time from publishing an
// article to a member finding it.
import pg from 'pg';
import { call, signIn } from './http.mjs';
import { COMMON_WORDS, rareWords } from './search-seed.mjs';
import { generator } from './sample-text.mjs';

export const SEARCH_TARGET = { maxP95Ms: 50, publishToFoundMs: 2_000 };
const QUERY_MIX = { common1: 60, common2: 40, rare1: 50, rareCommon: 30, rare2: 20 };
const WARMUP = 20;
const PUBLISH_TRIALS = 5;

/** The 200 queries, the same every run. */
export function searchQueries() {
  const next = generator(11);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const rare = rareWords().map((w) => w.word);
  const queries = [];
  for (let i = 0; i < QUERY_MIX.common1; i += 1) queries.push({ kind: 'common1', q: COMMON_WORDS[i % COMMON_WORDS.length] });
  for (let i = 0; i < QUERY_MIX.common2; i += 1) queries.push({ kind: 'common2', q: `${pick(COMMON_WORDS)} ${pick(COMMON_WORDS)}` });
  for (let i = 0; i < QUERY_MIX.rare1; i += 1) queries.push({ kind: 'rare1', q: rare[Math.floor((i * rare.length) / QUERY_MIX.rare1)] });
  for (let i = 0; i < QUERY_MIX.rareCommon; i += 1) queries.push({ kind: 'rareCommon', q: `${pick(rare)} ${pick(COMMON_WORDS)}` });
  for (let i = 0; i < QUERY_MIX.rare2; i += 1) queries.push({ kind: 'rare2', q: `${pick(rare)} ${pick(rare)}` });
  return queries;
}

/** The floor: every match of every kind ranked with ts_rank, best 20 (what "rank everything" costs). */
const PLAIN_RANK_ALL = `
  WITH q AS (SELECT websearch_to_tsquery('english', $1) AS query),
       readable AS (SELECT ARRAY(SELECT id FROM space WHERE scope_key = ANY($2::text[])) AS spaces)
  SELECT type, id, score FROM (
    SELECT 'topic' AS type, t.id, ts_rank(t.search_vector, q.query) AS score FROM topic t, q, readable r
      WHERE t.search_vector @@ q.query AND t.space_id = ANY(r.spaces) AND NOT t.unlisted AND NOT t.archived
    UNION ALL
    SELECT 'post', p.id, ts_rank(p.search_vector, q.query) FROM post p JOIN topic t ON t.id = p.topic_id, q, readable r
      WHERE p.search_vector @@ q.query AND p.status = 'visible' AND t.space_id = ANY(r.spaces) AND NOT t.unlisted AND NOT t.archived
    UNION ALL
    SELECT 'article', a.id, ts_rank(a.search_vector, q.query) FROM kb_article a, q
      WHERE a.search_vector @@ q.query AND a.status = 'published' AND a.scope_key = ANY($2::text[])
  ) ranked ORDER BY score DESC, id DESC LIMIT 20`;

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (n) => Number(n.toFixed(2));
  return { n: sorted.length, p50Ms: round(percentile(sorted, 50)), p95Ms: round(percentile(sorted, 95)), maxMs: round(sorted[sorted.length - 1]) };
};

/** The member the queries run as: the forum seed's reader, with their scope keys as the access policy makes them. */
async function readerScopes(client, cookie) {
  const token = cookie.split('=')[1];
  const { rows } = await client.query(
    `SELECT u.institution_id AS school, ARRAY(SELECT cohort_id FROM cohort_member WHERE user_id = u.id) AS cohorts
     FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE s.token_hash = encode(sha256($1::bytea), 'hex')`,
    [token],
  );
  const [me] = rows;
  return ['consortium', `inst:${me.school}`, ...me.cohorts.map((id) => `cohort:${id}`)];
}

async function timedSearch(port, cookie, q) {
  const started = performance.now();
  const res = await call(port, 'GET', `/api/v1/search?q=${encodeURIComponent(q)}`, { headers: { cookie }, timeoutMs: 30_000 });
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`search "${q}" answered ${res.status}: ${res.body.slice(0, 200)}`);
  return { ms, hits: JSON.parse(res.body).items.length };
}

async function timedPlain(client, q, scopes) {
  const started = performance.now();
  const { rows } = await client.query(PLAIN_RANK_ALL, [q, scopes]);
  return { ms: performance.now() - started, hits: rows.length };
}

/** Publishes an article (written by the admin, approved by the demo facilitator) and times until the reader finds it. */
async function publishToFound(app, { databaseUrl, adminEmail, password, readerCookie }) {
  const admin = await signIn(app.port, adminEmail, password);
  const reviewerEmail = adminEmail.replace(/^admin@/, 'facilitator@');
  const reviewer = await signIn(app.port, reviewerEmail, password);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const [{ id: reviewerId }] = (await client.query('SELECT id FROM app_user WHERE email = $1', [reviewerEmail])).rows;
  await client.end();
  const json = (res, expected) => {
    if (res.status !== expected) throw new Error(`answered ${res.status}: ${res.body.slice(0, 300)}`);
    return JSON.parse(res.body);
  };
  const write = (cookie, method, path, body) => call(app.port, method, path, { headers: { cookie, 'x-requested-with': 'art-commons' }, body });
  const trials = [];
  for (let i = 0; i < PUBLISH_TRIALS; i += 1) {
    const word = `benchfresh${Date.now().toString(36)}${i}`;
    const draft = json(await write(admin, 'POST', '/api/v1/knowledge/articles', { title: `Fresh ${word}`, body: `A new guide about ${word}.`, type: 'guide', scope: 'consortium' }), 201);
    json(await write(admin, 'POST', `/api/v1/knowledge/articles/${draft.id}/submit`, { reviewerIds: [reviewerId] }), 200);
    json(await write(reviewer, 'POST', `/api/v1/knowledge/articles/${draft.id}/decision`, { decision: 'approved' }), 200);
    const started = performance.now();
    json(await write(admin, 'POST', `/api/v1/knowledge/articles/${draft.id}/publish`), 200);
    for (;;) {
      const res = await call(app.port, 'GET', `/api/v1/search?q=${word}`, { headers: { cookie: readerCookie } });
      if (JSON.parse(res.body).items?.some((hit) => hit.id === draft.id)) break;
      if (performance.now() - started > 30_000) throw new Error(`article ${draft.id} not found within 30 s of publishing`);
      await new Promise((r) => setTimeout(r, 20));
    }
    trials.push(Number((performance.now() - started).toFixed(1)));
  }
  const sorted = [...trials].sort((a, b) => a - b);
  return { trialsMs: trials, medianMs: sorted[Math.floor(sorted.length / 2)], maxMs: sorted[sorted.length - 1] };
}

/**
 * Runs the queries (after WARMUP unmeasured ones) alternating app and plain query, then the publish-to-found trials.
 * Returns both sides' latency statistics overall and per kind of query, and the publish timings.
 */
export async function searchLoad(app, { databaseUrl, readerCookie, adminEmail, password, log }) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const scopes = await readerScopes(client, readerCookie);
    const queries = searchQueries();
    for (const { q } of queries.slice(0, WARMUP)) {
      await timedSearch(app.port, readerCookie, q);
      await timedPlain(client, q, scopes);
    }
    const rows = [];
    for (const [i, { kind, q }] of queries.entries()) {
      // Alternate which side goes first, so neither always meets a warmer cache.
      const first = i % 2 === 0;
      const a = first ? await timedSearch(app.port, readerCookie, q) : null;
      const b = await timedPlain(client, q, scopes);
      const appRun = a ?? (await timedSearch(app.port, readerCookie, q));
      rows.push({ kind, q, appMs: appRun.ms, plainMs: b.ms, appHits: appRun.hits, plainHits: b.hits });
    }
    const byKind = {};
    for (const kind of Object.keys(QUERY_MIX)) {
      const some = rows.filter((r) => r.kind === kind);
      byKind[kind] = { app: stats(some.map((r) => r.appMs)), plain: stats(some.map((r) => r.plainMs)) };
    }
    const app95 = stats(rows.map((r) => r.appMs));
    const plain95 = stats(rows.map((r) => r.plainMs));
    log(`search: app p50 ${app95.p50Ms} ms p95 ${app95.p95Ms} ms; plain rank-all p50 ${plain95.p50Ms} ms p95 ${plain95.p95Ms} ms (${rows.length} queries)`);
    const published = await publishToFound(app, { databaseUrl, adminEmail, password, readerCookie });
    log(`search: publish to found median ${published.medianMs} ms, max ${published.maxMs} ms`);
    const zeroHits = rows.filter((r) => r.appHits === 0).map((r) => r.q);
    return { app: app95, plain: plain95, byKind, scopes, published, zeroHitQueries: zeroHits, queries: rows.length };
  } finally {
    await client.end();
  }
}
