import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, signIn } from '../support/test-app';

const MAIN = join(__dirname, '../../dist/apps/server/src/main.js');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts the built server as `npm start` does, on the embedded defaults (no DATABASE_URL, no REDIS_URL). */
async function startServer(dataDir: string, env: Record<string, string> = {}): Promise<Started> {
  const port = await freePort();
  const { DATABASE_URL: _db, REDIS_URL: _redis, ...rest } = process.env;
  const child = spawn(process.execPath, [MAIN], {
    env: { ...rest, NODE_ENV: 'production', PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 60_000;
  while (!output.includes('ART Commons is running at')) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    if (Date.now() > deadline) throw new Error(`server not ready: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, url: `http://127.0.0.1:${port}`, output: () => output };
}

function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    child.kill(signal);
  });
}

describe('npm start on the embedded defaults', () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  const newDataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'artc-start-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    await Promise.all(children.map((child) => stop(child)));
    dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });

  it('seeds a demo consortium on the first start, stops PostgreSQL cleanly, and reuses the data on the next start', async () => {
    const dataDir = newDataDir();
    const first = await startServer(dataDir);
    children.push(first.child);
    const password = /shown only this once\): (\S+)/.exec(first.output())?.[1];
    expect(password).toBeDefined();
    expect(first.output()).toContain('admin@demo.art-commons.test');
    const admin = await new Client(first.url).post('/api/v1/auth/login', { email: 'admin@demo.art-commons.test', password });
    expect(admin.status).toBe(200);
    const lead = await new Client(first.url).post('/api/v1/auth/login', {
      email: 'lead.riverside@demo.art-commons.test',
      password,
    });
    expect(lead.status).toBe(200);
    expect(lead.body.schoolLeadOf).toHaveLength(1);
    // Something to explore: forum spaces and conversations, and dialogue rooms, each in its scope.
    const riverside = await signIn(first.url, 'lead.riverside@demo.art-commons.test', password!);
    const northfield = await signIn(first.url, 'student.northfield@demo.art-commons.test', password!);
    const spaceNames = async (client: Client) => ((await client.get('/api/v1/spaces')).body.items as { name: string }[]).map((x) => x.name);
    expect(await spaceNames(riverside)).toEqual(expect.arrayContaining(['Welcome and introductions', 'Riverside curriculum review']));
    expect(await spaceNames(northfield)).not.toContain('Riverside curriculum review');
    expect((await riverside.get('/api/v1/topics?filter=latest')).body.items.length).toBeGreaterThanOrEqual(3);
    expect((await northfield.get('/api/v1/rooms')).body.items).toHaveLength(2);
    // And a knowledge base: published articles, a collection, and search across all of it.
    const titles = ((await northfield.get('/api/v1/knowledge/articles')).body.items as { title: string }[]).map((a) => a.title);
    expect(titles).toEqual(expect.arrayContaining(['Removing race-based eGFR from the renal block', 'Grounding assumptions for dialogue sessions']));
    expect((await northfield.get('/api/v1/knowledge/collections')).body.items.map((c: { title: string }) => c.title)).toContain('Phase 3 starter kit');
    const found = (await northfield.get('/api/v1/search?q=eGFR')).body.items as { type: string; title: string }[];
    expect(found.map((h) => h.title)).toContain('Removing race-based eGFR from the renal block');
    // The Riverside-only thread (and the draft captured from it) stay with Riverside.
    expect(found.map((h) => h.title)).not.toContain('Which case vignettes still use race as a risk factor?');
    // The demo's replies became notifications through the in-process job runner (no Redis here).
    const deadline = Date.now() + 20_000;
    let notifications: { kind: string; text: string }[] = [];
    while (notifications.length === 0 && Date.now() < deadline) {
      notifications = (await northfield.get('/api/v1/notifications')).body.items;
      if (notifications.length === 0) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(notifications).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'replied' })]));
    // The program: Riverside midway (phase 4, readiness shown, change targets measured), Northfield just starting.
    const amara = await signIn(first.url, 'student.riverside@demo.art-commons.test', password!);
    const path = (await amara.get('/api/v1/program/path')).body;
    expect(path.cohort.currentPhase).toBe(4);
    expect(path.progress.requiredDone).toBeGreaterThan(0);
    const riversideId = lead.body.schoolLeadOf[0];
    const dashboard = (await riverside.get(`/api/v1/program/schools/${riversideId}/dashboard`)).body;
    expect(dashboard.targets.length).toBeGreaterThanOrEqual(3);
    expect(dashboard.targets[0].indicators[0].series.length).toBeGreaterThan(1);
    const schoolInstrument = (await riverside.get('/api/v1/program/instruments?kind=school_readiness')).body.items[0];
    const results = (await riverside.get(`/api/v1/program/schools/${riversideId}/assessment-results?instrumentId=${schoolInstrument.id}`)).body;
    expect(results.groups[0]).toMatchObject({ status: 'ok', n: 5 });
    expect((await northfield.get(`/api/v1/program/schools/${riversideId}/dashboard`)).status).toBe(404);
    expect((await northfield.get('/api/v1/program/path')).body.cohort.currentPhase).toBe(2);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const calendar = async (client: Client) =>
      ((await client.get(`/api/v1/program/calendar?view=mine&from=${day(-30)}&to=${day(90)}`)).body.items as { title: string }[]).map((s) => s.title);
    expect(await calendar(amara)).toEqual(expect.arrayContaining(['Dialogue & framing: from stories to change targets', 'ART in MedEd annual conference']));
    expect(await calendar(northfield)).not.toContain('Dialogue & framing: from stories to change targets');

    expect(await stop(first.child, 'SIGTERM')).toBe(0);
    // PostgreSQL removes its pid file only when it shut down cleanly.
    expect(existsSync(join(dataDir, 'postgres', 'cluster', 'postmaster.pid'))).toBe(false);

    const second = await startServer(dataDir);
    children.push(second.child);
    expect(second.output()).not.toContain('shown only this once');
    const again = await new Client(second.url).post('/api/v1/auth/login', { email: 'admin@demo.art-commons.test', password });
    expect(again.status).toBe(200);
    const ready = await new Client(second.url).get('/health/ready');
    expect(ready.body).toEqual({ status: 'ok', checks: { database: 'ok' } });
    expect(await stop(second.child, 'SIGINT')).toBe(0);
  }, 120_000);

  it('creates only the given admin when DEMO=false', async () => {
    const started = await startServer(newDataDir(), {
      DEMO: 'false',
      ADMIN_EMAIL: 'Chair@Consortium.example',
      ADMIN_PASSWORD: 'a long admin password',
    });
    children.push(started.child);
    expect(started.output()).toContain('Password: the one in ADMIN_PASSWORD');
    const admin = await new Client(started.url).post('/api/v1/auth/login', {
      email: 'chair@consortium.example',
      password: 'a long admin password',
    });
    expect(admin.status).toBe(200);
    const schools = await new Client(started.url, admin.headers['set-cookie']![0].split(';')[0]).get('/api/v1/institutions');
    expect(schools.body.items).toEqual([]);
    expect(await stop(started.child)).toBe(0);
  }, 120_000);

  it('refuses to start on a bad variable, naming it', async () => {
    const { DATABASE_URL: _db, ...rest } = process.env;
    const child = spawn(process.execPath, [MAIN], { env: { ...rest, PORT: 'eighty' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('PORT');
    expect(stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
