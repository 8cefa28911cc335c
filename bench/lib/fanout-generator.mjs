// The fan-out figure's clients: a child process of the harness (so the server process is measured alone) holding one
// signed-in socket.io client per watcher, each in the watched topics' rooms. For each trial it posts once in one
// topic as the author and times, on its own clock, the answer to the POST, the commit of the watchers' notification
// rows (their NOTIFY), and every client's first 'notification' and 'post:created' event for that post.
// Protocol (IPC): the parent sends { type: 'setup', config }, then { type: 'trial', index } as often as it likes, then
// { type: 'close' }; this process answers { type: 'joined', ... }, { type: 'trial-result', result } and
// { type: 'closed' }, or { type: 'error', message } at any point.
import pg from 'pg';
import { call } from './http.mjs';
import { connectClient, pool } from './chat-load-generator.mjs';

const TRIAL_LIMIT_MS = 30_000;
const POLL_MS = 50;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const round = (n, d = 1) => (n === null || n === undefined || Number.isNaN(n) ? null : Number(n.toFixed(d)));

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The receipts of one event kind in one trial: first arrival per client (ms after the POST) and repeats. */
function receipts(clients) {
  return { at: new Float64Array(clients).fill(NaN), received: 0, duplicated: 0 };
}

function summary(r, clients) {
  const times = Array.from(r.at)
    .filter((t) => !Number.isNaN(t))
    .sort((a, b) => a - b);
  return {
    received: r.received,
    missing: clients - r.received,
    duplicated: r.duplicated,
    allMs: r.received === clients ? round(times[times.length - 1]) : null,
    firstMs: round(times[0]),
    p50Ms: round(percentile(times, 50)),
    p99Ms: round(percentile(times, 99)),
  };
}

let state = null;

async function setup({ port, cookies, authorCookie, topicIds, databaseUrl, connectConcurrency = 50 }) {
  const clients = cookies.length;
  const sockets = new Array(clients);
  // The running trial: which topic, when its POST left, and what arrived so far.
  let trial = null;
  const topicOf = (text) => topicIds.find((id) => typeof text === 'string' && text.includes(id));

  const listener = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await listener.connect();
  await listener.query('LISTEN artc_notifications');
  listener.on('notification', ({ payload }) => {
    if (!trial) return;
    trial.notifyIds += (payload ?? '').split(',').filter(Boolean).length;
    if (trial.rowsNotifiedAt === null && trial.notifyIds >= clients) trial.rowsNotifiedAt = performance.now() - trial.t0;
  });
  const poller = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await poller.connect();

  const onEvent = (kind, client, extractTopic) => (payload) => {
    if (!trial || extractTopic(payload) !== trial.topicId) return;
    const r = trial[kind];
    if (!Number.isNaN(r.at[client])) {
      r.duplicated += 1;
      return;
    }
    r.at[client] = performance.now() - trial.t0;
    r.received += 1;
  };

  const joinStarted = performance.now();
  const connectRetries = [];
  const joinFailures = [];
  await pool(
    Array.from({ length: clients }, (_, i) => i),
    connectConcurrency,
    async (i) => {
      const socket = await connectClient(port, cookies[i], connectRetries);
      sockets[i] = socket;
      socket.on(
        'notification',
        onEvent('notification', i, (p) => topicOf(p?.notification?.url)),
      );
      socket.on(
        'post:created',
        onEvent('postCreated', i, (p) => p?.topicId),
      );
      for (const topicId of topicIds) {
        const reply = await socket.timeout(60_000).emitWithAck('topic:join', { topicId });
        if (!reply?.ok) joinFailures.push(reply);
      }
    },
  );
  if (joinFailures.length) throw new Error(`${joinFailures.length} topic joins refused: ${JSON.stringify(joinFailures[0])}`);
  const joinMs = Math.round(performance.now() - joinStarted);

  state = {
    clients,
    sockets,
    listener,
    poller,
    async run(index) {
      const topicId = topicIds[index];
      trial = {
        topicId,
        t0: performance.now(),
        notifyIds: 0,
        rowsNotifiedAt: null,
        notification: receipts(clients),
        postCreated: receipts(clients),
      };
      const current = trial;
      const res = await call(port, 'POST', `/api/v1/topics/${topicId}/posts`, {
        headers: { cookie: authorCookie, 'x-requested-with': 'art-commons' },
        body: { body: `Trial ${index + 1}: a new post for everyone watching this topic.` },
        timeoutMs: TRIAL_LIMIT_MS,
      });
      const postMs = performance.now() - current.t0;
      if (res.status !== 201 && res.status !== 200) throw new Error(`POST answered ${res.status}: ${res.body.slice(0, 300)}`);
      // The rows counted in the database as a cross-check of the NOTIFY (and the fallback if it never comes).
      let rowsPolledAt = null;
      let rows = 0;
      const done = () =>
        current.notification.received >= clients && current.postCreated.received >= clients && rowsPolledAt !== null;
      while (!done() && performance.now() - current.t0 < TRIAL_LIMIT_MS) {
        if (rowsPolledAt === null) {
          rows = (
            await poller.query(`SELECT count(*)::int AS n FROM notification WHERE topic_id = $1 AND kind = 'watching'`, [topicId])
          ).rows[0].n;
          if (rows >= clients) rowsPolledAt = performance.now() - current.t0;
        }
        await sleep(POLL_MS);
      }
      // Late copies (duplicates) would come within a moment.
      await sleep(500);
      trial = null;
      return {
        topicId,
        status: res.status,
        postMs: round(postMs),
        rows,
        rowsCommittedMs: round(current.rowsNotifiedAt),
        rowsPolledMs: round(rowsPolledAt),
        notifiedIds: current.notifyIds,
        notification: summary(current.notification, clients),
        postCreated: summary(current.postCreated, clients),
      };
    },
    async close() {
      for (const socket of sockets) socket?.close();
      await listener.end().catch(() => undefined);
      await poller.end().catch(() => undefined);
    },
  };
  return { joinMs, connectRetries: connectRetries.length, connectRetryErrors: [...new Set(connectRetries)].slice(0, 5) };
}

const fail = (error) => process.send({ type: 'error', message: error?.stack ?? String(error) }, () => process.exit(1));

process.on('message', (message) => {
  if (message?.type === 'setup') {
    setup(message.config).then((joined) => process.send({ type: 'joined', ...joined }), fail);
  } else if (message?.type === 'trial') {
    state.run(message.index).then((result) => process.send({ type: 'trial-result', result }), fail);
  } else if (message?.type === 'close') {
    (state?.close() ?? Promise.resolve()).then(() => process.send({ type: 'closed' }, () => process.exit(0)), fail);
  }
});
