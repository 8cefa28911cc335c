// The floor the application is measured against: bare Fastify and a pg Pool of 10 running the very SQL the
// app runs for GET /api/v1/me (the caller by session token hash, then the person's profile), taken from the
// compiled app so the two cannot drift apart. What remains between them is the framework stack.
// Env: DATABASE_URL, PORT, HOST (127.0.0.1).
import { createHash } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import Fastify from 'fastify';
import { createRequire } from 'node:module';
import pg from 'pg';

const require = createRequire(import.meta.url);
const { ACTOR_BY_SESSION_SQL } = require('../../dist/libs/identity/src/repositories/actor.repository.js');
const { OWN_PROFILE_SQL } = require('../../dist/libs/identity/src/repositories/user.repository.js');

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
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
  const session = await pool.query(ACTOR_BY_SESSION_SQL, [tokenHash, new Date()]);
  if (session.rowCount === 0) return reply.code(401).send(unauthenticated);
  const person = await pool.query(OWN_PROFILE_SQL, [session.rows[0].id]);
  const profile = person.rows[0];
  if (!profile) return reply.code(404).send({ error: { code: 'not_found', message: 'Not found' } });
  return { ...profile, schoolLeadOf: session.rows[0].school_lead ? [session.rows[0].institution_id] : [] };
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
