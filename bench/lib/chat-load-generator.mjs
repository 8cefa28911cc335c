// The chat load generator: a child process of the harness (so the server process is measured alone) holding every
// client socket of one run. It connects and joins the clients, sends messages at a fixed total rate through a subset
// of them, and counts what each client receives: the send time travels in the message body, and sender and
// receivers share this process's monotonic clock, so delivery latency needs no clock sync.
// Protocol (IPC): the parent sends { type: 'run', config }; this process answers with { type: 'phase', phase } as it
// goes ('joined', 'measure-start', 'measure-end') and ends with { type: 'result', result } or { type: 'error', message }.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { io } from 'socket.io-client';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// The body: 'w<k>' (warm-up) or 'm<k>' (measured), then 't<send time>'; in the app's html it comes back as <p>…</p>.
const BODY = /\b[wm](\d+) t(\d+(?:\.\d+)?)\b/;
const ACK_TIMEOUT_MS = 10_000;
const CONNECT_TIMEOUT_MS = 20_000;
const CONNECT_ATTEMPTS = 3;

const phase = (name, extra = {}) => process.send({ type: 'phase', phase: name, ...extra });

/** Opens one client: its own connection (forceNew: never multiplexed), websocket only, signed in by cookie when given. */
function connectOnce(port, cookie) {
  const socket = io(`http://127.0.0.1:${port}`, {
    path: '/realtime',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: CONNECT_TIMEOUT_MS,
    extraHeaders: cookie ? { Cookie: cookie } : undefined,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      // A refused sign-in says so in `data`; a transport failure only in the underlying error.
      const cause = error.data
        ? JSON.stringify(error.data)
        : (error.description?.message ?? error.description?.error?.message ?? '');
      reject(new Error(`connect to ${port}: ${error.message} ${cause}`.trim()));
    });
  });
}

/**
 * Connects with up to CONNECT_ATTEMPTS tries: on a busy shared machine a handshake now and then fails at the transport;
 * each retry is counted (and reported), and a refused sign-in is not retried. (Also used by the fan-out generator.)
 */
export async function connectClient(port, cookie, retried) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await connectOnce(port, cookie);
    } catch (error) {
      if (attempt >= CONNECT_ATTEMPTS || /UNAUTHENTICATED|FORBIDDEN/.test(error.message)) throw error;
      retried.push(error.message);
      await sleep(250 * attempt);
    }
  }
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function pool(items, limit, work) {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next;
      next += 1;
      await work(items[i], i);
    }
  });
  await Promise.all(runners);
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function run(config) {
  const {
    ports,
    cookies,
    roomId,
    clients,
    senders,
    ratePerSecond,
    durationS,
    warmupS,
    drainS = 10,
    connectConcurrency = 50,
    tag,
  } = config;
  const warmupCount = Math.round(ratePerSecond * warmupS);
  const measuredCount = Math.round(ratePerSecond * durationS);
  const total = warmupCount + measuredCount;
  // counts[client * total + k]: how often client received message k (duplicates show as > 1).
  const counts = new Uint8Array(clients * total);
  const latencies = new Float64Array(measuredCount * clients);
  // First receipts (a client's first copy of a message), warm-up and measured: what the drain waits for.
  let latencyCount = 0;
  let warmupFirstReceipts = 0;
  let strayDeliveries = 0;
  let lastDeliveryAt = 0;
  let presencePackets = 0;
  let lastPresenceAt = performance.now();
  const sockets = new Array(clients);

  const onMessage = (client) => (message) => {
    const now = performance.now();
    const match = BODY.exec(message?.html ?? message?.body ?? '');
    if (!match) {
      strayDeliveries += 1;
      return;
    }
    const k = Number(match[1]);
    if (k >= total) {
      strayDeliveries += 1;
      return;
    }
    const slot = client * total + k;
    counts[slot] += 1;
    if (counts[slot] > 1) return;
    if (k < warmupCount) {
      warmupFirstReceipts += 1;
      return;
    }
    lastDeliveryAt = now;
    latencies[latencyCount++] = now - Number(match[2]);
  };

  // Connect and join, at most `connectConcurrency` at a time: each client's own connection, alternating servers.
  const joinStarted = performance.now();
  const joinFailures = [];
  const connectRetries = [];
  await pool(
    Array.from({ length: clients }, (_, i) => i),
    connectConcurrency,
    async (i) => {
      const socket = await connectClient(ports[i % ports.length], cookies?.[i], connectRetries);
      sockets[i] = socket;
      socket.on('chat:message', onMessage(i));
      socket.on('chat:presence', () => {
        presencePackets += 1;
        lastPresenceAt = performance.now();
      });
      const reply = await socket.timeout(60_000).emitWithAck('chat:join', { roomId });
      if (!reply?.ok) joinFailures.push(reply);
    },
  );
  if (joinFailures.length) throw new Error(`${joinFailures.length} clients could not join: ${JSON.stringify(joinFailures[0])}`);
  const joinedMs = performance.now() - joinStarted;
  // The app announces presence to the room on every join: let that settle before anything is measured.
  while (performance.now() - lastPresenceAt < 1_000 && performance.now() - joinStarted < 180_000) await sleep(100);
  const settledMs = performance.now() - joinStarted;
  phase('joined', { joinedMs, settledMs });

  // acks[k]: 0 while pending, 1 acknowledged ok, 2 refused or timed out (codes counted in ackCodes, measured only).
  const acks = new Uint8Array(total);
  const ackCodes = {};
  let pendingAcks = 0;
  const ackLatencies = [];
  const send = (k) => {
    const sender = sockets[k % senders];
    const measured = k >= warmupCount;
    const sentAt = performance.now();
    const body = `${measured ? 'm' : 'w'}${k} t${sentAt.toFixed(3)}`;
    const refused = (code) => {
      acks[k] = 2;
      if (measured) ackCodes[code] = (ackCodes[code] ?? 0) + 1;
    };
    pendingAcks += 1;
    sender
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('chat:send', { roomId, clientId: `${tag}-${k}`, body })
      .then(
        (reply) => {
          if (!reply?.ok) return refused(reply?.code ?? 'NO_CODE');
          acks[k] = 1;
          if (measured) ackLatencies.push(performance.now() - sentAt);
        },
        () => refused('ACK_TIMEOUT'),
      )
      .finally(() => (pendingAcks -= 1));
  };

  /** Sends messages [from, to) on a fixed schedule (open loop: a slow server does not slow the sending down). */
  const schedule = (from, to) =>
    new Promise((resolve) => {
      const interval = 1000 / ratePerSecond;
      const start = performance.now();
      let k = from;
      let maxLagMs = 0;
      const tick = () => {
        const now = performance.now();
        while (k < to && start + (k - from) * interval <= now) {
          maxLagMs = Math.max(maxLagMs, now - (start + (k - from) * interval));
          send(k);
          k += 1;
        }
        if (k < to) setTimeout(tick, Math.max(0, start + (k - from) * interval - performance.now()));
        else resolve({ startedAt: start, endedAt: performance.now(), maxLagMs });
      };
      tick();
    });

  /** Waits until every ack is in and every client holds every acknowledged message of [from, to), or drainS passed. */
  const drain = async (from, to) => {
    const since = performance.now();
    for (;;) {
      let expected = 0;
      for (let k = from; k < to; k += 1) expected += acks[k] === 1 ? 1 : 0;
      const received = to === warmupCount ? warmupFirstReceipts : latencyCount;
      if (pendingAcks === 0 && received >= expected * clients) return true;
      if (performance.now() - since > drainS * 1000) return false;
      await sleep(20);
    }
  };

  if (warmupCount > 0) {
    await schedule(0, warmupCount);
    await drain(0, warmupCount);
  }
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpuBefore = process.cpuUsage();
  phase('measure-start');
  const sending = await schedule(warmupCount, total);
  const drained = await drain(warmupCount, total);
  phase('measure-end');
  const cpu = process.cpuUsage(cpuBefore);
  loop.disable();

  // Lost: an acknowledged message a client never received; duplicated: every receipt past the first.
  let lost = 0;
  let duplicated = 0;
  let unique = 0;
  let unacknowledgedDelivered = 0;
  for (let c = 0; c < clients; c += 1) {
    for (let k = warmupCount; k < total; k += 1) {
      const n = counts[c * total + k];
      if (n > 1) duplicated += n - 1;
      if (acks[k] !== 1) {
        if (n > 0) unacknowledgedDelivered += 1;
      } else if (n === 0) lost += 1;
      else unique += 1;
    }
  }
  const sorted = latencies.slice(0, latencyCount).sort();
  const windowMs = Math.max(lastDeliveryAt, sending.endedAt) - sending.startedAt;
  const ackSorted = Float64Array.from(ackLatencies).sort();
  const round = (n, d = 2) => (n === null ? null : Number(n.toFixed(d)));
  const acknowledged = ackLatencies.length;
  const result = {
    clients,
    senders,
    servers: ports.length,
    ratePerSecond,
    durationS,
    warmupS,
    messages: measuredCount,
    acknowledged,
    acknowledgedIncludingWarmup: acks.reduce((n, a) => n + (a === 1 ? 1 : 0), 0),
    ackFailed: Object.values(ackCodes).reduce((a, b) => a + b, 0),
    ackCodes,
    expectedDeliveries: acknowledged * clients,
    deliveries: unique,
    lost,
    duplicated,
    unacknowledgedDelivered,
    strayDeliveries,
    drained,
    deliveriesPerSecond: round((unique / windowMs) * 1000),
    offeredDeliveriesPerSecond: ratePerSecond * clients,
    latencyP50Ms: round(percentile(sorted, 50)),
    latencyP99Ms: round(percentile(sorted, 99)),
    latencyMaxMs: round(sorted.length ? sorted[sorted.length - 1] : null),
    ackLatencyP50Ms: round(percentile(ackSorted, 50)),
    ackLatencyP99Ms: round(percentile(ackSorted, 99)),
    windowMs: Math.round(windowMs),
    sendLagMaxMs: round(sending.maxLagMs),
    joinMs: Math.round(joinedMs),
    connectRetries: connectRetries.length,
    connectRetryErrors: [...new Set(connectRetries)].slice(0, 5),
    joinSettledMs: Math.round(settledMs),
    presencePackets,
    generator: {
      cpuPercentOfOneCore: round(((cpu.user + cpu.system) / 1000 / windowMs) * 100, 1),
      eventLoopDelayP99Ms: round(loop.percentile(99) / 1e6),
    },
  };
  for (const socket of sockets) socket?.close();
  return result;
}

process.once('message', (message) => {
  if (message?.type !== 'run') return;
  run(message.config).then(
    (result) => process.send({ type: 'result', result }, () => process.exit(0)),
    (error) => process.send({ type: 'error', message: error?.stack ?? String(error) }, () => process.exit(1)),
  );
});
