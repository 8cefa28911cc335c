// autocannon against one GET route: a short warm-up, then the measured run.
import autocannon from 'autocannon';

export async function loadTest({ url, headers, connections = 20, durationS = 10, warmupS = 2 }) {
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

/** A run that mostly failed measures error handling, not the route: refuse it. */
export function assertHealthy(label, run) {
  const bad = run.non2xx + run.errors + run.timeouts;
  if (run.requests === 0 || bad > run.requests * 0.01) {
    throw new Error(`${label}: ${bad} of ${run.requests} requests failed (non-2xx ${run.non2xx}, errors ${run.errors}, timeouts ${run.timeouts})`);
  }
}
