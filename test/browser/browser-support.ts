import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const WEB_INDEX = join(__dirname, '../../dist/web/index.html');

const missing = [
  existsSync(CHROMIUM_PATH) ? null : `${CHROMIUM_PATH} is missing (apt-get install chromium)`,
  existsSync(WEB_INDEX) ? null : 'the web client is not built (npm run build:web)',
].filter(Boolean);
if (missing.length) process.stdout.write(`Browser tests skipped: ${missing.join('; ')}\n`);

/** Browser tests run where Debian's Chromium and the built client exist; otherwise they say why they were skipped. */
export const describeInBrowser: jest.Describe = missing.length ? describe.skip : describe;

export interface OpenBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh profile per test file; Chromium's background networking is off because this machine has no network. */
export async function openBrowser(viewport = { width: 1280, height: 800 }): Promise<OpenBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'artc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport,
    args: [
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
