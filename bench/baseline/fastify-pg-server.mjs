// The floor the application is measured against: bare Fastify and a pg Pool of 10 doing the per-request work
// of GET /api/v1/me at its minimum (find the live session by token hash, then load the person).
// Env: DATABASE_URL, PORT, HOST (127.0.0.1).
import { createHash } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import Fastify from 'fastify';
import pg from 'pg';

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
  const session = await pool.query(
    `SELECT s.id, s.user_id FROM user_session s JOIN app_user u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.status = 'active'`,
    [tokenHash],
  );
  if (session.rowCount === 0) return reply.code(401).send(unauthenticated);
  const person = await pool.query(
    `SELECT id, email, display_name, pronouns, school_role, bio, expertise, platform_role, institution_id, school_lead
     FROM app_user WHERE id = $1`,
    [session.rows[0].user_id],
  );
  const u = person.rows[0];
  if (!u) return reply.code(404).send({ error: { code: 'not_found', message: 'Not found' } });
  return {
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    pronouns: u.pronouns,
    schoolRole: u.school_role,
    bio: u.bio,
    expertise: u.expertise,
    platformRole: u.platform_role,
    institutionId: u.institution_id,
    schoolLead: u.school_lead,
  };
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
