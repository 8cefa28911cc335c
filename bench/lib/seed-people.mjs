// Members with live sessions, written straight into the bench database: the chat and fan-out seeds both need
// many signed-in people spread over the schools the demo data made.
import { createHash, randomBytes } from 'node:crypto';

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/**
 * Inserts `count` students (person n at school n mod schools) with one 30-day session each; answers their ids and
 * session tokens in order. `emailSql` and `nameSql` are SQL expressions of `n` (values only through `params`, from $4).
 */
export async function seedSignedInPeople(client, { count, tokenPrefix, emailSql, nameSql, params = [], what }) {
  const schools = (await client.query('SELECT id FROM institution ORDER BY created_at, slug')).rows.map((r) => r.id);
  if (schools.length === 0) throw new Error(`${what} seed: the bench database has no school (the demo data is missing)`);
  const tokens = Array.from({ length: count }, (_, n) => `${tokenPrefix}${n}_${randomBytes(24).toString('base64url')}`);
  const ids = (
    await client.query(
      `INSERT INTO app_user (email, display_name, school_role, institution_id)
       SELECT ${emailSql}, ${nameSql}, 'student', ($1::uuid[])[1 + n % $2]
       FROM generate_series(0, $3 - 1) AS n ORDER BY n RETURNING id`,
      [schools, schools.length, count, ...params],
    )
  ).rows.map((r) => r.id);
  await client.query(
    `INSERT INTO user_session (user_id, token_hash, expires_at)
     SELECT u, h, now() + interval '30 days' FROM unnest($1::uuid[], $2::text[]) AS x(u, h)`,
    [ids, tokens.map(sha256)],
  );
  return { ids, tokens };
}
