// The forum's write and render figures: posting throughput through the app, and Markdown render time.
import autocannon from 'autocannon';
import { createRequire } from 'node:module';
import { median } from './node-process.mjs';
import { mixedDocument } from './sample-text.mjs';

const require = createRequire(import.meta.url);

/**
 * POST /api/v1/topics/<id>/posts with ~55-word bodies for `durationS` after a warm-up. Requests go round-robin
 * over the posters and over the target topics, so nobody nears the flood limit (10 posts per person per 60 s):
 * with P posters the run stays under it up to 10 * P posts in a minute.
 */
export async function postingLoad({ port, cookies, topics, bodies, connections = 10, durationS = 10, warmupS = 2 }) {
  let k = 0;
  const options = {
    url: `http://127.0.0.1:${port}`,
    connections,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const n = k;
          k += 1;
          return {
            ...req,
            method: 'POST',
            path: `/api/v1/topics/${topics[n % topics.length]}/posts`,
            headers: {
              cookie: cookies[n % cookies.length],
              'content-type': 'application/json',
              'x-requested-with': 'art-commons',
            },
            body: JSON.stringify({ body: bodies[n % bodies.length] }),
          };
        },
      },
    ],
  };
  await autocannon({ ...options, duration: warmupS });
  const sentBefore = k;
  const result = await autocannon({ ...options, duration: durationS });
  const created = result['2xx'];
  return {
    postsPerSecond: created / durationS,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    created,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    maxPostsPerPoster: Math.ceil(k / cookies.length),
    warmupRequests: sentBefore,
  };
}

/** Median wall time of `fn` over `runs` runs after `warmup` runs. */
function timeRuns(fn, runs, warmup) {
  for (let i = 0; i < warmup; i += 1) fn();
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return { medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times) };
}

/** renderMarkdown (markdown-it + the app's rules + sanitize-html) beside markdown-it alone, on the same 64 KB text. */
export function markdownRender({ runs = 20, warmup = 5 } = {}) {
  const { renderMarkdown, MAX_MARKDOWN_BYTES } = require('../../dist/libs/markdown/src/index.js');
  const MarkdownIt = require('markdown-it');
  const text = mixedDocument(MAX_MARKDOWN_BYTES);
  const bare = new MarkdownIt({ html: false, linkify: true });
  const appHtml = renderMarkdown(text, { postUrl: (n) => `/t/bench/${n}` }).html;
  const app = timeRuns(() => renderMarkdown(text, { postUrl: (n) => `/t/bench/${n}` }), runs, warmup);
  const baseline = timeRuns(() => bare.render(text), runs, warmup);
  return { bytes: Buffer.byteLength(text), htmlBytes: Buffer.byteLength(appHtml), runs, warmup, app, baseline };
}
