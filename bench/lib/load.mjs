// autocannon against one GET route: a short warm-up, then the measured run, in a child process of its own. The
// harness holds the seed's data and reads the servers' output; its pauses must not show up as server latency.
import autocannon from 'autocannon';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const THIS_FILE = fileURLToPath(import.meta.url);

async function measure({ url, headers, connections, durationS, warmupS }) {
  const options = { url, headers, connections, timeout: 10 };
  await autocannon({ ...options, duration: warmupS });
  const result = await autocannon({ ...options, duration: durationS });
  return {
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

export function loadTest({ url, headers, connections = 20, durationS = 10, warmupS = 2 }) {
  return new Promise((resolve, reject) => {
    const child = fork(THIS_FILE, ['--load-child'], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result = null;
    child.once('message', (message) => (result = message));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (result?.error) reject(new Error(`load generator: ${result.error}`));
      else if (result) resolve(result);
      else reject(new Error(`load generator exited with code ${code} before reporting`));
    });
    child.send({ url, headers, connections, durationS, warmupS });
  });
}

if (process.argv[2] === '--load-child') {
  process.once('message', async (options) => {
    try {
      process.send(await measure(options), () => process.exit(0));
    } catch (error) {
      process.send({ error: error instanceof Error ? error.message : String(error) }, () => process.exit(1));
    }
  });
}

/** A run that mostly failed measures error handling, not the route: refuse it. */
export function assertHealthy(label, run) {
  const bad = run.non2xx + run.errors + run.timeouts;
  if (run.requests === 0 || bad > run.requests * 0.01) {
    throw new Error(`${label}: ${bad} of ${run.requests} requests failed (non-2xx ${run.non2xx}, errors ${run.errors}, timeouts ${run.timeouts})`);
  }
}
