// A local SMTP server in the harness process for the digest figures: it accepts every message and counts it (and
// its bytes) without parsing, so what is measured is the senders, not the sink.
import { SMTPServer } from 'smtp-server';
import { track } from './cleanup.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts the sink on a free port of 127.0.0.1. `count`, `bytes`, `firstAt` and `lastAt` (performance.now() of the
 * first and last accepted message) move as messages arrive; `reset()` starts a new count.
 */
export async function startSmtpSink() {
  const state = { count: 0, bytes: 0, firstAt: null, lastAt: null, connections: 0, maxConnections: 0, open: 0 };
  const server = new SMTPServer({
    name: 'bench-sink.art-commons.test',
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // Senders pool their connections and keep them open between messages: no limit here.
    maxClients: 1000,
    closeTimeout: 1000,
    onConnect(_session, callback) {
      state.connections += 1;
      state.open += 1;
      state.maxConnections = Math.max(state.maxConnections, state.open);
      callback();
    },
    onClose() {
      state.open -= 1;
    },
    onData(stream, _session, callback) {
      let bytes = 0;
      stream.on('data', (chunk) => (bytes += chunk.length));
      stream.on('end', () => {
        const now = performance.now();
        state.count += 1;
        state.bytes += bytes;
        state.firstAt ??= now;
        state.lastAt = now;
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.server.address();
  let closed = false;
  const close = () =>
    closed
      ? Promise.resolve()
      : new Promise((resolve) => {
          closed = true;
          untrack();
          server.close(() => resolve());
        });
  const untrack = track('SMTP sink', close);
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    state,
    reset() {
      Object.assign(state, { count: 0, bytes: 0, firstAt: null, lastAt: null, connections: 0, maxConnections: state.open });
    },
    /** Resolves true once `count` messages arrived since the last reset, false after timeoutMs. */
    async waitForCount(count, timeoutMs) {
      const until = performance.now() + timeoutMs;
      while (state.count < count) {
        if (performance.now() > until) return false;
        await sleep(20);
      }
      return true;
    },
    close,
  };
}
