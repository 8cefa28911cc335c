import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';

const BUILT_WEB_DIR = resolve(__dirname, '../../dist/web');

/** The built client when there is one; otherwise a stand-in, so the fallback rules are still checked. */
function webClientDir(): { dir: string; built: boolean } {
  if (existsSync(join(BUILT_WEB_DIR, 'index.html'))) return { dir: BUILT_WEB_DIR, built: true };
  const dir = mkdtempSync(join(tmpdir(), 'artc-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><title>ART Commons</title></head><body><div id="app"></div></body></html>',
  );
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log("art commons");');
  return { dir, built: false };
}

function firstAsset(dir: string): string | undefined {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && entry.name !== 'index.html' && /\.(js|css)$/.test(entry.name)) return relative(dir, path);
  }
  return undefined;
}

describe('platform: health, API documentation and the web client', () => {
  let t: TestApp;
  const web = webClientDir();

  beforeAll(async () => {
    if (!web.built) {
      process.stdout.write(
        `\ndist/web/index.html does not exist (run \`npm run build:web\`): the web client fallback is checked against a stand-in index.html in ${web.dir}\n`,
      );
    }
    t = await startTestApp({ WEB_DIST_DIR: web.dir });
  });
  afterAll(() => t.close());

  describe('health', () => {
    it('answers GET /health/live with 200 {status: ok}, without signing in', async () => {
      const response = await request(t.url).get('/health/live');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'ok' });
    });

    it('answers GET /health/ready with 200 and every dependency checked', async () => {
      const response = await request(t.url).get('/health/ready');
      expect(response.status).toBe(200);
      const checks: Record<string, string> = { database: 'ok' };
      if (process.env.REDIS_URL) checks.redis = 'ok';
      expect(response.body).toEqual({ status: 'ok', checks });
    });

    it('keeps health outside the versioned API prefix', async () => {
      expect((await request(t.url).get('/api/v1/health/live')).status).toBe(404);
    });
  });

  describe('OpenAPI', () => {
    let doc: {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown; parameters?: { name: string; in: string }[] }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
    };

    beforeAll(async () => {
      const response = await request(t.url).get('/api/docs-json');
      expect(response.status).toBe(200);
      doc = response.body;
    });

    it('serves an OpenAPI 3 document at /api/docs-json', () => {
      expect(doc.openapi).toMatch(/^3\./);
    });

    it('documents sign-in, bulk invitations and the member directory under /api/v1', () => {
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/api/v1/auth/login', '/api/v1/invitations/bulk', '/api/v1/members', '/api/v1/members/{id}']),
      );
    });

    it('describes request bodies with the DTO schemas', () => {
      const bodySchema = (path: string) =>
        JSON.stringify(
          (doc.paths[path].post.requestBody as { content: Record<string, { schema: unknown }> }).content['application/json']
            .schema,
        );
      expect(bodySchema('/api/v1/auth/login')).toContain('#/components/schemas/LoginDto');
      expect(bodySchema('/api/v1/invitations/bulk')).toContain('#/components/schemas/BulkInvitationDto');
      expect(doc.components.schemas.LoginDto.required).toEqual(expect.arrayContaining(['email', 'password']));
      expect(Object.keys(doc.components.schemas.BulkInvitationDto.properties!)).toEqual(
        expect.arrayContaining(['institutionId', 'csv']),
      );
      expect(doc.components.schemas).toHaveProperty('UpdateMemberRolesDto');
    });

    it('lists the directory filters as query parameters of GET /api/v1/members', () => {
      const params = (doc.paths['/api/v1/members'].get.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      expect(params).toEqual(
        expect.arrayContaining(['q', 'institutionId', 'schoolRole', 'cohortId', 'expertise', 'cursor', 'limit']),
      );
    });

    it('serves the documentation page at /api/docs as HTML', async () => {
      const response = await request(t.url).get('/api/docs');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
    });
  });

  describe('web client', () => {
    const indexHtml = () => readFileSync(join(web.dir, 'index.html'), 'utf8');

    it('serves index.html at /', async () => {
      const response = await request(t.url).get('/');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.text).toBe(indexHtml());
    });

    it('serves index.html for a client-side route, so a reload keeps working', async () => {
      const response = await request(t.url).get('/members/123');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.text).toBe(indexHtml());
      expect(response.headers['cache-control']).toBe('no-cache');
    });

    it('serves the built assets themselves', async () => {
      const asset = firstAsset(web.dir);
      expect(asset).toBeDefined();
      const response = await request(t.url).get(`/${asset!.split('\\').join('/')}`);
      expect(response.status).toBe(200);
      expect(response.text).not.toBe(indexHtml());
    });

    it.each(['/api/v1/nope', '/api', '/api?page=2', '/health/nope'])(
      'answers %s with a JSON 404, never the HTML page',
      async (path) => {
        const response = await request(t.url).get(path);
        expect(response.status).toBe(404);
        expect(response.headers['content-type']).toMatch(/^application\/json/);
        expect(response.body).toMatchObject({
          statusCode: 404,
          code: 'ROUTE_NOT_FOUND',
          requestId: response.headers['x-request-id'],
        });
      },
    );

    it('does not answer a write to a client route with the HTML page', async () => {
      const response = await request(t.url).post('/members/123').set('Content-Type', 'application/json').send('{}');
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
    });
  });
});
