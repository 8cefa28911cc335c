// One registry of everything the harness started, so that a failure, Ctrl-C or the watchdog
// still stops the servers and the PostgreSQL it launched.

const stoppers = [];
const lastResorts = new Set();

/**
 * Registers an async `stop` (run in reverse order by stopAll) and a synchronous `lastResort`
 * (a bare signal by pid, run from the 'exit' event when there is no time left for async work).
 * Returns a function that unregisters both once the thing was stopped normally.
 */
export function track(label, stop, lastResort) {
  const entry = { label, stop };
  stoppers.push(entry);
  if (lastResort) lastResorts.add(lastResort);
  return () => {
    const index = stoppers.indexOf(entry);
    if (index >= 0) stoppers.splice(index, 1);
    if (lastResort) lastResorts.delete(lastResort);
  };
}

export async function stopAll() {
  while (stoppers.length > 0) {
    const { label, stop } = stoppers.pop();
    try {
      await stop();
    } catch (error) {
      process.stderr.write(`bench: could not stop ${label}: ${error?.message ?? error}\n`);
    }
  }
}

function runLastResorts() {
  for (const fn of [...lastResorts].reverse()) {
    try {
      fn();
    } catch {
      // The process is already gone.
    }
  }
  lastResorts.clear();
}

let exiting = false;

/** Stops everything, then exits; a second signal or a hung stop ends it with the last resorts. */
export async function shutdown(code) {
  if (exiting) return;
  exiting = true;
  const hardStop = setTimeout(() => process.exit(code || 1), 45_000);
  hardStop.unref();
  await stopAll();
  process.exit(code);
}

/** Signal handlers, the exit fallback and an overall time limit for the whole run. */
export function installGuards(limitMs) {
  process.on('exit', runLastResorts);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      process.stderr.write(`bench: ${signal}, stopping what was started\n`);
      if (exiting) runLastResorts();
      void shutdown(130);
    });
  }
  const watchdog = setTimeout(() => {
    process.stderr.write(`bench: gave up after ${Math.round(limitMs / 1000)} s\n`);
    void shutdown(1);
  }, limitMs);
  watchdog.unref();
}
