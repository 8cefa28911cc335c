// The chat figures: one room, many socket.io clients in a separate load-generator process, messages sent at a
// fixed total rate through the app's full `chat:send` path (validation, access checks, Markdown, numbered write),
// beside a bare socket.io server that only broadcasts; then the larger scenario again on two app servers sharing
// Redis. See bench/README.md for what each figure means.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { track } from './cleanup.mjs';
import { roomLedger, seedChat } from './chat-seed.mjs';
import { figure } from './report.mjs';

const GENERATOR = join(dirname(fileURLToPath(import.meta.url)), 'chat-load-generator.mjs');
const TIMING = { durationS: 10, warmupS: 2 };
/**
 * Senders are clients 0..senders-1 (alternating servers when there are two). The server lets a socket send 20 events
 * a second (bursts of 60): 200 msg/s over 50 senders is 4 a second each, 20 msg/s over 50 is 0.4.
 */
export const CHAT_SCENARIOS = [
  { key: '100_clients', clients: 100, senders: 50, ratePerSecond: 200, maxP99Ms: null },
  { key: '1000_clients', clients: 1000, senders: 50, ratePerSecond: 20, maxP99Ms: 50 },
];
const TWO_SERVERS = { ...CHAT_SCENARIOS[1], key: '1000_clients_two_servers' };
export const CHAT_TARGET = { minRatio: 0.7 };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** user + system CPU time of a process so far, in ms (from /proc/<pid>/stat, 100 ticks a second). */
function cpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Busy and total CPU time of the whole machine so far, in ticks (from the first line of /proc/stat). */
function machineTicks() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const ticks = fields.slice(0, 8).map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  return { busy: total - ticks[3] - ticks[4], total };
}

/**
 * Waits (at most maxMs) until each process uses under 10% of a core over half a second: after a run the servers
 * still work through the clients' disconnects (each one a presence announcement), and the next run must not pay.
 */
export async function waitForQuiet(pids, maxMs = 60_000) {
  const started = performance.now();
  for (;;) {
    const before = pids.map(cpuMs);
    await sleep(500);
    const busy = pids.some((pid, i) => cpuMs(pid) - before[i] > 50);
    if (!busy || performance.now() - started > maxMs) return Math.round(performance.now() - started);
  }
}

/**
 * Runs one scenario: forks the load generator, hands it the run, and samples CPU over the measured window (between
 * its 'measure-start' and 'measure-end'): each server's, and the whole machine's, so that a run disturbed by other
 * work on a shared machine shows it (`restOfMachineCpu`: PostgreSQL, Redis and anything else). All in % of one core.
 */
export function runChatLoad({ servers, cookies, roomId, scenario, tag, log }) {
  const child = fork(GENERATOR, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const untrack = track(
    `chat load generator ${tag}`,
    async () => child.kill('SIGKILL'),
    () => child.kill('SIGKILL'),
  );
  const pids = servers.map((s) => s.pid);
  let cpuAtStart = null;
  let machineAtStart = null;
  let serverCpu = null;
  let machineCpu = null;
  let startedAt = 0;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn, value) => {
      if (settled) return;
      settled = true;
      untrack();
      fn(value);
    };
    child.on('message', (message) => {
      if (message.type === 'phase' && message.phase === 'joined') {
        log(
          `  ${scenario.clients} clients connected and joined in ${Math.round(message.joinedMs)} ms, presence settled at ${Math.round(message.settledMs)} ms`,
        );
      } else if (message.type === 'phase' && message.phase === 'measure-start') {
        cpuAtStart = pids.map(cpuMs);
        machineAtStart = machineTicks();
        startedAt = performance.now();
      } else if (message.type === 'phase' && message.phase === 'measure-end') {
        const elapsed = performance.now() - startedAt;
        serverCpu = pids.map((pid, i) => Number((((cpuMs(pid) - cpuAtStart[i]) / elapsed) * 100).toFixed(1)));
        const machine = machineTicks();
        machineCpu =
          ((machine.busy - machineAtStart.busy) / (machine.total - machineAtStart.total)) * availableParallelism() * 100;
      } else if (message.type === 'result') {
        const { result } = message;
        const rest = machineCpu - serverCpu.reduce((a, b) => a + b, 0) - result.generator.cpuPercentOfOneCore;
        const cpu = {
          serverCpuPercentOfOneCore: serverCpu,
          machineCpuPercentOfOneCore: Number(machineCpu.toFixed(1)),
          restOfMachineCpuPercentOfOneCore: Number(Math.max(0, rest).toFixed(1)),
        };
        finish(resolve, { ...result, ...cpu });
      } else if (message.type === 'error') {
        finish(reject, new Error(`chat load generator (${tag}): ${message.message}`));
      }
    });
    // 'close', not 'exit': it comes after the IPC channel is drained, so a result sent just before exiting is never missed.
    child.once('close', (code, signal) =>
      finish(reject, new Error(`chat load generator (${tag}) exited (${code ?? signal}) without a result`)),
    );
    child.send({
      type: 'run',
      config: { ports: servers.map((s) => s.port), cookies, roomId, tag, ...TIMING, ...scenario },
    });
  });
}

function describeRun(label, run) {
  return (
    `${label}: ${run.deliveries}/${run.expectedDeliveries} deliveries (${run.deliveriesPerSecond}/s), p50 ${run.latencyP50Ms} ms, ` +
    `p99 ${run.latencyP99Ms} ms, lost ${run.lost}, duplicated ${run.duplicated}, refused sends ${run.ackFailed}, ` +
    `CPU: server ${run.serverCpuPercentOfOneCore.join('+')}%, generator ${run.generator.cpuPercentOfOneCore}%, rest of the machine ${run.restOfMachineCpuPercentOfOneCore}%`
  );
}

/**
 * The target of a scenario: every send acknowledged and stored 1..N, nothing lost or duplicated, throughput ≥ 0.7× the
 * bare server, and p99 where the issue sets one (1,000 clients).
 */
function target(scenario, app, base, ledger) {
  const ratio = base ? Number((app.deliveriesPerSecond / base.deliveriesPerSecond).toFixed(3)) : null;
  const p99Met = scenario.maxP99Ms === null || (app.latencyP99Ms !== null && app.latencyP99Ms < scenario.maxP99Ms);
  const complete =
    app.lost === 0 &&
    app.duplicated === 0 &&
    app.ackFailed === 0 &&
    app.expectedDeliveries > 0 &&
    ledger.gapFree &&
    ledger.allStored;
  return {
    ...CHAT_TARGET,
    maxP99Ms: scenario.maxP99Ms,
    condition: `none lost or duplicated, every send acknowledged and stored 1..N, deliveries/s >= ${CHAT_TARGET.minRatio}x baseline${scenario.maxP99Ms ? `, p99 < ${scenario.maxP99Ms} ms` : ''}`,
    ratio,
    p99Ms: app.latencyP99Ms,
    lost: app.lost,
    duplicated: app.duplicated,
    refusedSends: app.ackFailed,
    met: complete && p99Met && ratio !== null && ratio >= CHAT_TARGET.minRatio,
  };
}

const FIGURES = [
  ['deliveries_per_second', 'deliveries/s', (run) => run.deliveriesPerSecond],
  ['latency_p50', 'ms', (run) => run.latencyP50Ms],
  ['latency_p99', 'ms', (run) => run.latencyP99Ms],
  ['lost', 'deliveries', (run) => run.lost],
  ['duplicated', 'deliveries', (run) => run.duplicated],
];

/** The figures of one scenario; `base` is the bare server's run set beside it. The first figure carries the details. */
function scenarioFigures(key, scenario, app, base, ledger, extra = {}) {
  const details = { ...TIMING, ...scenario, target: target(scenario, app, base, ledger), ledger, app, baseline: base, ...extra };
  return FIGURES.map(([what, unit, pick], i) =>
    figure(`chat_${key}_${what}`, unit, pick(app), pick(base), i === 0 ? { details } : {}),
  );
}

/** A scenario that could not run, with the reason, so the report says so instead of leaving it out. */
const skippedFigures = (key, reason) =>
  FIGURES.map(([what, unit]) => figure(`chat_${key}_${what}`, unit, null, null, { skipped: reason }));

/** Why two app servers cannot be measured here, or null when they can: they need a Redis on this machine. */
function twoServersSkipReason(redisUrl) {
  if (!redisUrl) return 'REDIS_URL is unset: two app servers need a shared Redis';
  const host = new URL(redisUrl).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host))
    return `REDIS_URL points at ${host}; the bench only talks to 127.0.0.1`;
  return null;
}

/** Checks the room in the database: the acknowledged messages numbered 1..N, no gap, no repeat. */
async function ledgerCheck(databaseUrl, roomId, run) {
  const ledger = await roomLedger(databaseUrl, roomId);
  const gapFree = ledger.messages === ledger.maxSeq && ledger.distinctSeq === ledger.messages && ledger.lastSeq === ledger.maxSeq;
  return {
    ...ledger,
    gapFree,
    acknowledgedIncludingWarmup: run.acknowledgedIncludingWarmup,
    allStored: ledger.messages === run.acknowledgedIncludingWarmup,
  };
}

/**
 * Every chat figure. `startApp(extraEnv, label)` starts an app server process on the bench database, `startBaseline()`
 * the bare socket.io server; `redisUrl` (or null) is where two app servers meet for the last scenario.
 */
export async function chatFigures({ databaseUrl, startApp, startBaseline, redisUrl, log }) {
  const people = Math.max(...CHAT_SCENARIOS.map((s) => s.clients));
  const seed = await seedChat(databaseUrl, { people, rooms: [...CHAT_SCENARIOS.map((s) => s.key), TWO_SERVERS.key] });
  log(`chat: ${people} people with sessions and ${Object.keys(seed.rooms).length} rooms seeded in ${seed.seedMs} ms`);

  const figures = [];
  const app = await startApp({}, 'app server (chat)');
  const baseline = await startBaseline();
  try {
    for (const scenario of CHAT_SCENARIOS) {
      const label = `${scenario.clients} clients, ${scenario.ratePerSecond} msg/s by ${scenario.senders} senders`;
      log(`chat: app server, ${label}, ${TIMING.warmupS} s warm-up + ${TIMING.durationS} s`);
      const roomId = seed.rooms[scenario.key];
      const appRun = await runChatLoad({
        servers: [app],
        cookies: seed.cookies,
        roomId,
        scenario,
        tag: `a${scenario.clients}`,
        log,
      });
      log(`  ${describeRun('app', appRun)}`);
      const quietApp = await waitForQuiet([app.pid]);
      log(`chat: baseline server, ${label}`);
      const baseRun = await runChatLoad({
        servers: [baseline],
        cookies: null,
        roomId,
        scenario,
        tag: `b${scenario.clients}`,
        log,
      });
      log(`  ${describeRun('baseline', baseRun)}`);
      await waitForQuiet([baseline.pid]);
      const ledger = await ledgerCheck(databaseUrl, roomId, appRun);
      figures.push(...scenarioFigures(scenario.key, scenario, appRun, baseRun, ledger, { appQuietAfterRunMs: quietApp }));
    }
  } finally {
    await Promise.all([app.stop(), baseline.stop()]);
  }

  const skipReason = twoServersSkipReason(redisUrl);
  if (skipReason) {
    log(`chat: two app servers skipped (${skipReason})`);
    return [...figures, ...skippedFigures(TWO_SERVERS.key, skipReason)];
  }
  const single = figures.find((f) => f.name === 'chat_1000_clients_deliveries_per_second').details.baseline;
  const first = await startApp({ REDIS_URL: redisUrl }, 'app server A (chat, Redis)');
  const second = await startApp({ REDIS_URL: redisUrl }, 'app server B (chat, Redis)');
  try {
    const scenario = TWO_SERVERS;
    log(`chat: two app servers sharing Redis, ${scenario.clients} clients split between them, ${scenario.ratePerSecond} msg/s`);
    const roomId = seed.rooms[scenario.key];
    const run = await runChatLoad({ servers: [first, second], cookies: seed.cookies, roomId, scenario, tag: 'r1000', log });
    log(`  ${describeRun('two app servers', run)}`);
    await waitForQuiet([first.pid, second.pid]);
    const ledger = await ledgerCheck(databaseUrl, roomId, run);
    const note = 'the single bare socket.io server of scenario 1000_clients in this run';
    figures.push(...scenarioFigures(scenario.key, scenario, run, single, ledger, { baselineNote: note }));
  } finally {
    await Promise.all([first.stop(), second.stop()]);
  }
  return figures;
}
