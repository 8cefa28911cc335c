// The floor the application is measured against: bare Fastify and a pg Pool of 10 running the very SQL the
// app runs for GET /api/v1/me (the caller by session token hash, then the person's profile), and for the forum's
// topic list and topic page (the caller by session, then the app's own list/page statement), taken from the
// compiled app so the two cannot drift apart; likewise the program's change dashboard and consortium view. What remains between them is the framework stack (and, for the
// forum routes, the app's space/topic access checks, which the baseline skips).
// Env: DATABASE_URL, PORT, HOST (127.0.0.1).
import { createHash } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import Fastify from 'fastify';
import { createRequire } from 'node:module';
import pg from 'pg';

const require = createRequire(import.meta.url);
const { ACTOR_BY_SESSION_SQL } = require('../../dist/libs/identity/src/repositories/actor.repository.js');
const { OWN_PROFILE_SQL } = require('../../dist/libs/identity/src/repositories/user.repository.js');
const { topicListSql } = require('../../dist/libs/forum/src/repositories/topic.repository.js');
const { postPageSql } = require('../../dist/libs/forum/src/repositories/post.repository.js');
const { DASHBOARD_SQL, CONSORTIUM_SQL } = require('../../dist/libs/program/src/change/repositories/progress.repository.js');

// The app runs the session lookup, the topic list and the post page as named prepared statements with generic plans
// (libs/database/src/prepared-reads.ts); the floor does the same, so planning is left out on both sides.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10, options: '-c plan_cache_mode=force_generic_plan' });
const names = new Map();
function prepared(text, values) {
  if (!names.has(text)) names.set(text, `base_${names.size + 1}`);
  return pool.query({ name: names.get(text), text, values });
}
const app = Fastify({ logger: false });
await app.register(fastifyCookie);

const unauthenticated = { error: { code: 'unauthenticated', message: 'Sign in first' } };

app.get('/health/ready', async () => {
  await pool.query('SELECT 1');
  return { status: 'ok', checks: { database: 'ok' } };
});

app.get('/api/v1/me', async (request, reply) => {
  const token = request.cookies.artc_session;
  if (!token) return reply.code(401).send(unauthenticated);
  const tokenHash = createHash('sha256').update(token).digest('hex');
  const session = await prepared(ACTOR_BY_SESSION_SQL, [tokenHash, new Date()]);
  if (session.rowCount === 0) return reply.code(401).send(unauthenticated);
  const person = await pool.query(OWN_PROFILE_SQL, [session.rows[0].id]);
  const profile = person.rows[0];
  if (!profile) return reply.code(404).send({ error: { code: 'not_found', message: 'Not found' } });
  return { ...profile, schoolLeadOf: session.rows[0].school_lead ? [session.rows[0].institution_id] : [] };
});

/** The caller's actor row, or null; the same lookup the app's guard runs on every request. */
async function actorOf(request) {
  const token = request.cookies.artc_session;
  if (!token) return null;
  const tokenHash = createHash('sha256').update(token).digest('hex');
  const session = await prepared(ACTOR_BY_SESSION_SQL, [tokenHash, new Date()]);
  return session.rows[0] ?? null;
}

/** As AccessPolicy.readableScopes in libs/identity/src/policy/access-policy.ts. */
function readableScopes(row) {
  if (row.platform_role === 'admin' || row.platform_role === 'facilitator') return { everything: true, keys: [] };
  const keys = ['consortium'];
  if (row.institution_id) keys.push(`inst:${row.institution_id}`);
  for (const id of new Set([...row.cohort_ids, ...row.led_cohort_ids])) keys.push(`cohort:${id}`);
  for (const id of new Set([...row.group_ids, ...row.led_group_ids])) keys.push(`group:${id}`);
  return { everything: false, keys };
}

const limitOf = (raw, fallback) => {
  const n = Number(raw ?? fallback);
  return Number.isInteger(n) && n >= 1 && n <= 100 ? n : fallback;
};

app.get('/api/v1/topics', async (request, reply) => {
  const actor = await actorOf(request);
  if (!actor) return reply.code(401).send(unauthenticated);
  const limit = limitOf(request.query.limit, 30);
  const { sql, params } = topicListSql({ readerId: actor.id, scopes: readableScopes(actor), spaceId: request.query.spaceId, limit });
  const { rows } = await prepared(sql, params);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last ? Buffer.from(JSON.stringify({ key: new Date(last.bumpedAt).toISOString(), id: last.id })).toString('base64url') : null;
  return { items, nextCursor };
});

app.get('/api/v1/topics/:id/posts', async (request, reply) => {
  const actor = await actorOf(request);
  if (!actor) return reply.code(401).send(unauthenticated);
  const limit = limitOf(request.query.limit, 20);
  const after = Number(request.query.after ?? 0) || 0;
  const { rows } = await prepared(postPageSql(limit + 1), [actor.id, request.params.id, after]);
  const items = rows.slice(0, limit);
  return { items, nextAfter: rows.length > limit ? items[items.length - 1].postNumber : null };
});

// The program's change dashboard and consortium view: the app's one statement each, answered as the rows come.
const today = () => new Date().toISOString().slice(0, 10);

app.get('/api/v1/program/schools/:id/dashboard', async (request, reply) => {
  const actor = await actorOf(request);
  if (!actor) return reply.code(401).send(unauthenticated);
  const { rows } = await prepared(DASHBOARD_SQL, [request.params.id, today()]);
  return rows[0];
});

app.get('/api/v1/program/consortium/progress', async (request, reply) => {
  const actor = await actorOf(request);
  if (!actor) return reply.code(401).send(unauthenticated);
  const { rows } = await prepared(CONSORTIUM_SQL, [today()]);
  return { schools: rows };
});

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await app.close().catch(() => {});
  await pool.end().catch(() => {});
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

await app.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? '127.0.0.1' });
process.stdout.write('baseline ready\n');
