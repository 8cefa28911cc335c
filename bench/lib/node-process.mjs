// Starts a Node server as a child process, times it until /health/ready answers 200,
// reads its resident memory, and stops it (SIGTERM, then SIGKILL after a grace period).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { call } from './http.mjs';
import { track } from './cleanup.mjs';

const POLL_MS = 20;
const TAIL_CHARS = 4_000;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** VmRSS of a live process in MiB, from /proc/<pid>/status. */
export function rssMiB(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  if (!line) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(line.replace(/\D+/g, '')) / 1024;
}

/** Median RSS over a few samples taken after the process has been left alone for settleMs. */
export async function idleRssMiB(pid, settleMs = 3_000, samples = 5) {
  await sleep(settleMs);
  const values = [];
  for (let i = 0; i < samples; i += 1) {
    values.push(rssMiB(pid));
    await sleep(200);
  }
  return median(values);
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Spawns `node <script>` with exactly `env` (plus PORT and HOST) and resolves once GET /health/ready is 200 (and, when `readyText` is given,
 * once that text appeared on stdout too). Returns the handle with readyMs/textMs measured from spawn.
 * `lastResort` is an extra synchronous cleanup for anything the child itself started (its PostgreSQL).
 */
export async function startServer({ label, script, cwd, port, env, timeoutMs = 60_000, readyText, lastResort }) {
  let stdout = '';
  let stderr = '';
  let exited = null;
  const startedAt = performance.now();
  const child = spawn(process.execPath, [script], {
    cwd,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let textMs = null;
  child.stdout.on('data', (chunk) => {
    stdout = (stdout + chunk).slice(-TAIL_CHARS);
    if (readyText && textMs === null && stdout.includes(readyText)) textMs = performance.now() - startedAt;
  });
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-TAIL_CHARS)));
  const exitPromise = new Promise((r) => child.once('exit', (code, signal) => r((exited = { code, signal }))));
  child.once('error', (error) => (exited = { code: null, signal: null, error }));

  const handle = {
    label,
    pid: child.pid,
    port,
    readyMs: null,
    get textMs() {
      return textMs;
    },
    output: () => `--- stdout (tail) ---\n${stdout}\n--- stderr (tail) ---\n${stderr}`,
    async stop(graceMs = 20_000) {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = sleep(graceMs).then(() => 'timeout');
      if ((await Promise.race([exitPromise, timer])) === 'timeout') {
        child.kill('SIGKILL');
        lastResort?.();
        await Promise.race([exitPromise, sleep(5_000)]);
      }
      untrack();
    },
  };
  const untrack = track(label, () => handle.stop(), () => {
    // Only SIGTERM: the server then stops its own embedded PostgreSQL even if this harness is gone.
    if (!exited) child.kill('SIGTERM');
  });

  const deadline = startedAt + timeoutMs;
  try {
    while (handle.readyMs === null || (readyText && textMs === null)) {
      if (exited) throw new Error(`${label} exited early (${JSON.stringify(exited)})\n${handle.output()}`);
      if (performance.now() > deadline) throw new Error(`${label} not ready within ${timeoutMs} ms\n${handle.output()}`);
      if (handle.readyMs === null) {
        const status = await call(port, 'GET', '/health/ready', { timeoutMs: 2_000 }).then((r) => r.status, () => 0);
        if (status === 200) handle.readyMs = performance.now() - startedAt;
      }
      if (handle.readyMs === null || (readyText && textMs === null)) await sleep(POLL_MS);
    }
  } catch (error) {
    await handle.stop();
    throw error;
  }
  return handle;
}
