import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const WEB = join(__dirname, '../../dist/web');
const BUDGET_BYTES = 60 * 1024;

/** The JavaScript a first visit downloads: module scripts and modulepreloads named in index.html. */
function initialScripts(html: string): string[] {
  const sources = [
    ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ];
  return sources.map((match) => match[1]).filter((src) => src.startsWith('/'));
}

const built = existsSync(join(WEB, 'index.html'));
if (!built) process.stdout.write('Bundle budget check skipped: the web client is not built (npm run build:web)\n');

(built ? describe : describe.skip)('web client budget', () => {
  it(`keeps the initial JavaScript within ${BUDGET_BYTES / 1024} KB gzipped, with no external scripts, styles or fonts`, () => {
    const html = readFileSync(join(WEB, 'index.html'), 'utf8');
    const scripts = initialScripts(html);
    expect(scripts.length).toBeGreaterThan(0);
    const gzipped = scripts.reduce((total, src) => total + gzipSync(readFileSync(join(WEB, src))).length, 0);
    process.stdout.write(`Initial JavaScript: ${gzipped} bytes gzipped (${scripts.join(', ')})\n`);
    expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const css = readFileSync(join(WEB, html.match(/href="(\/assets\/[^"]+\.css)"/)![1]), 'utf8');
    expect(css).not.toMatch(/url\((['"])?(https?:)?\/\//);
    expect(css).not.toMatch(/@import/);
  });
});
