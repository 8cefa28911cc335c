// The people and rooms of the chat figures, written straight into the bench database after the app migrated it
// (as the forum seed does): plain members with live sessions, one facilitator, and one consortium-wide room per
// app run, so each run numbers its messages from 1 and can be checked on its own.
import pg from 'pg';
import { seedSignedInPeople } from './seed-people.mjs';

const EMAIL_DOMAIN = 'chat.bench.art-commons.test';

/**
 * Inserts `people` members (spread over the schools already there) each with one live session, a facilitator,
 * and one open, named room in scope 'consortium' for each name in `rooms`. Returns the members' cookies and the
 * room ids by name.
 */
export async function seedChat(databaseUrl, { people, rooms }) {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  const started = performance.now();
  try {
    await client.query('SET synchronous_commit = off');
    // Person 0 facilitates; persons 1..people are the clients.
    const { ids, tokens } = await seedSignedInPeople(client, {
      count: people + 1,
      tokenPrefix: 'as_chat',
      emailSql: `'bench.chat.' || n || '@${EMAIL_DOMAIN}'`,
      nameSql: `'Chat Person ' || n`,
      what: 'chat',
    });
    const roomIds = {};
    for (const name of rooms) {
      const [room] = (
        await client.query(`INSERT INTO chat_room (title, scope_key, created_by_id) VALUES ($1, 'consortium', $2) RETURNING id`, [
          `Bench chat: ${name}`,
          ids[0],
        ])
      ).rows;
      await client.query('INSERT INTO chat_room_facilitator (room_id, user_id) VALUES ($1, $2)', [room.id, ids[0]]);
      roomIds[name] = room.id;
    }
    await client.query('ANALYZE app_user, user_session, chat_room');
    return {
      seedMs: Math.round(performance.now() - started),
      cookies: tokens.slice(1).map((t) => `artc_session=${t}`),
      rooms: roomIds,
    };
  } finally {
    await client.end();
  }
}

/** What the app stored in a room: the number of messages and the highest seq, to check they are numbered 1..N. */
export async function roomLedger(databaseUrl, roomId) {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT count(*)::int AS messages, COALESCE(max(seq), 0)::int AS "maxSeq", count(DISTINCT seq)::int AS "distinctSeq",
         (SELECT last_seq::int FROM chat_room WHERE id = $1) AS "lastSeq"
       FROM chat_message WHERE room_id = $1`,
      [roomId],
    );
    return rows[0];
  } finally {
    await client.end();
  }
}
