import request from 'supertest';
import { buildCohort, buildInstitution, buildUser } from '@app/testing';
import { Client, personSignedIn, startTestApp, type TestApp } from '../support/test-app';

type Response = request.Response;

/** Every error leaves in one shape, and the id in the body is the one in the header. */
function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(response.body).toEqual(
    expect.objectContaining({ statusCode: status, code, message: expect.any(String), requestId: expect.any(String) }),
  );
  expect(response.body.message.length).toBeGreaterThan(0);
  expect(response.headers['x-request-id']).toBe(response.body.requestId);
  expect(response.body).not.toHaveProperty('stack');
}

const fields = (response: Response) => (response.body.details ?? []).map((d: { field: string }) => d.field);

describe('bad input and error responses', () => {
  let t: TestApp;
  let admin: Client;
  let school: { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    school = await buildInstitution(t.db);
    admin = (await personSignedIn(t, { platformRole: 'admin' })).client;
  });
  afterAll(() => t.close());

  /** A request with a hand-written body and content type, as a careless script would send it. */
  const raw = (method: 'post' | 'patch', path: string, contentType: string, body: string | Buffer) =>
    request(t.url)
      [method](path)
      .set('Cookie', admin.cookie!)
      .set('X-Requested-With', 'art-commons')
      .set('Content-Type', contentType)
      .send(body);

  async function counts() {
    const [row] = await t.db.query(`SELECT
      (SELECT count(*) FROM institution)::int AS institutions,
      (SELECT count(*) FROM cohort)::int AS cohorts,
      (SELECT count(*) FROM "group")::int AS groups,
      (SELECT count(*) FROM app_user)::int AS people,
      (SELECT count(*) FROM cohort_member)::int AS "cohortMembers",
      (SELECT count(*) FROM audit_entry)::int AS audit`);
    return row;
  }

  describe('validation', () => {
    it('refuses an unknown body field with 400 VALIDATION_FAILED naming the field', async () => {
      const response = await admin.post('/api/v1/institutions', { name: 'Sneaky School', role: 'admin' });
      expectError(response, 400, 'VALIDATION_FAILED');
      expect(response.body.details).toEqual([{ field: 'role', message: expect.stringContaining('role') }]);
    });

    it('refuses an unknown field even beside valid ones on other routes', async () => {
      const person = await buildUser(t.db, { institutionId: school.id });
      const patch = await admin.patch(`/api/v1/members/${person.id}`, { schoolLead: true, email: 'taken@example.test' });
      expectError(patch, 400, 'VALIDATION_FAILED');
      expect(fields(patch)).toEqual(['email']);
      const [row] = await t.db.query('SELECT school_lead FROM app_user WHERE id = $1', [person.id]);
      expect(row.school_lead).toBe(false);

      const cohort = await admin.post('/api/v1/cohorts', {
        institutionId: school.id,
        name: 'C',
        programYear: 2026,
        memberCount: 9,
      });
      expectError(cohort, 400, 'VALIDATION_FAILED');
      expect(fields(cohort)).toEqual(['memberCount']);
    });

    it('refuses unknown query parameters with 400', async () => {
      const response = await admin.get('/api/v1/members?role=admin');
      expectError(response, 400, 'VALIDATION_FAILED');
      expect(fields(response)).toEqual(['role']);
    });

    it('refuses wrong types with 400 VALIDATION_FAILED naming the field', async () => {
      const name = await admin.post('/api/v1/institutions', { name: 5 });
      expectError(name, 400, 'VALIDATION_FAILED');
      expect(new Set(fields(name))).toEqual(new Set(['name']));

      // No implicit conversion: "2026" is not a year.
      const year = await admin.post('/api/v1/cohorts', { institutionId: school.id, name: 'Typed', programYear: '2026' });
      expectError(year, 400, 'VALIDATION_FAILED');
      expect(fields(year)).toContain('programYear');

      const lead = await admin.patch(`/api/v1/members/${(await buildUser(t.db, { institutionId: school.id })).id}`, {
        schoolLead: 'yes',
      });
      expectError(lead, 400, 'VALIDATION_FAILED');
      expect(fields(lead)).toContain('schoolLead');
    });

    it('refuses a name of only spaces with 400, not a database error', async () => {
      expectError(await admin.post('/api/v1/institutions', { name: '   ' }), 400, 'VALIDATION_FAILED');
      expectError(
        await admin.post('/api/v1/cohorts', { institutionId: school.id, name: ' ', programYear: 2026 }),
        400,
        'VALIDATION_FAILED',
      );
      expectError(await admin.post('/api/v1/groups', { name: '\t', kind: 'other' }), 400, 'VALIDATION_FAILED');
    });

    it('refuses a blank display name on the profile and a blank token name with 400', async () => {
      for (const [path, body] of [
        ['/api/v1/me', { displayName: '   ' }],
        ['/api/v1/me/tokens', { name: ' ' }],
      ] as const) {
        const response = path === '/api/v1/me' ? await admin.patch(path, body) : await admin.post(path, body);
        expect(response.status).toBe(400);
        expect(response.body.code).toBe('VALIDATION_FAILED');
      }
      const me = await admin.get('/api/v1/me');
      expect(me.body.displayName.trim()).not.toBe('');
    });

    it('refuses a JSON array or null body with 400', async () => {
      expectError(await raw('post', '/api/v1/institutions', 'application/json', '[{"name":"Listy"}]'), 400, 'VALIDATION_FAILED');
      expectError(await raw('post', '/api/v1/institutions', 'application/json', 'null'), 400, 'VALIDATION_FAILED');
    });

    it.each([
      ['GET', '/api/v1/institutions/abc'],
      ['PATCH', '/api/v1/cohorts/123'],
      ['GET', `/api/v1/members/${encodeURIComponent("' OR 1=1 --")}`],
      ['DELETE', '/api/v1/groups/00000000-0000-4000-8000-000000000000/members/not-a-uuid'],
    ])('refuses a malformed id in %s %s with 400 INVALID_ID', async (method, path) => {
      const response =
        method === 'GET' ? await admin.get(path) : method === 'PATCH' ? await admin.patch(path, {}) : await admin.delete(path);
      expectError(response, 400, 'INVALID_ID');
    });
  });

  describe('bodies that are not JSON', () => {
    it('refuses malformed JSON with 400 MALFORMED_JSON', async () => {
      expectError(await raw('post', '/api/v1/institutions', 'application/json', '{"name": "Half'), 400, 'MALFORMED_JSON');
      expectError(await raw('post', '/api/v1/auth/login', 'application/json', '{email:'), 400, 'MALFORMED_JSON');
    });

    it('refuses an empty body declared as JSON with 400 MALFORMED_JSON', async () => {
      expectError(await raw('post', '/api/v1/institutions', 'application/json', ''), 400, 'MALFORMED_JSON');
    });

    it('refuses a body over the 1 MiB limit with 413 PAYLOAD_TOO_LARGE', async () => {
      const huge = JSON.stringify({ name: 'Huge School', description: 'x'.repeat(1_100_000) });
      expectError(await raw('post', '/api/v1/institutions', 'application/json', huge), 413, 'PAYLOAD_TOO_LARGE');
      // Also before sign-in: the limit protects the public routes.
      const login = await request(t.url)
        .post('/api/v1/auth/login')
        .set('X-Requested-With', 'art-commons')
        .set('Content-Type', 'application/json')
        .send(huge);
      expectError(login, 413, 'PAYLOAD_TOO_LARGE');
    });

    it.each([
      ['text/plain', '{"name":"Plain School"}'],
      ['application/x-www-form-urlencoded', 'name=Form+School'],
      ['application/xml', '<institution><name>Xml School</name></institution>'],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nMultipart School\r\n--x--\r\n',
      ],
    ])('refuses Content-Type %s with 415 UNSUPPORTED_MEDIA_TYPE and creates nothing', async (contentType, body) => {
      const before = await counts();
      expectError(await raw('post', '/api/v1/institutions', contentType, body), 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(await counts()).toEqual(before);
    });

    it('accepts JSON with a charset parameter', async () => {
      const response = await raw(
        'post',
        '/api/v1/institutions',
        'application/json; charset=utf-8',
        JSON.stringify({ name: 'Charset School' }),
      );
      expect(response.status).toBe(201);
    });
  });

  describe('routes and request ids', () => {
    it('answers an unknown API route with a JSON 404 ROUTE_NOT_FOUND, signed in or not', async () => {
      expectError(await admin.get('/api/v1/nope'), 404, 'ROUTE_NOT_FOUND');
      expectError(await admin.post('/api/v1/nope', {}), 404, 'ROUTE_NOT_FOUND');
      expectError(await request(t.url).get('/api/v1/institutions/x/y/z'), 404, 'ROUTE_NOT_FOUND');
      expectError(await request(t.url).get('/api/v2/members'), 404, 'ROUTE_NOT_FOUND');
    });

    it('echoes a well-formed X-Request-Id from the client', async () => {
      const response = await admin.get('/api/v1/nope').set('X-Request-Id', 'client-trace-0001');
      expect(response.body.requestId).toBe('client-trace-0001');
      expect(response.headers['x-request-id']).toBe('client-trace-0001');
      const ok = await admin.get('/api/v1/institutions').set('X-Request-Id', 'client-trace-0002');
      expect(ok.status).toBe(200);
      expect(ok.headers['x-request-id']).toBe('client-trace-0002');
    });

    it.each(['short', 'has spaces in it', 'x'.repeat(65), 'semi;colon;value'])(
      'replaces an unusable X-Request-Id (%j) with its own',
      async (incoming) => {
        const response = await request(t.url).get('/api/v1/nope').set('X-Request-Id', incoming);
        expectError(response, 404, 'ROUTE_NOT_FOUND');
        expect(response.body.requestId).not.toBe(incoming);
        expect(response.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
      },
    );
  });

  describe('unexpected failures', () => {
    it('answers 500 INTERNAL_ERROR with no stack, SQL or table name when the database fails', async () => {
      // A table that vanished under the running server is the plainest unexpected failure to reach.
      await t.db.query('ALTER TABLE institution RENAME TO institution_gone');
      let response: Response;
      try {
        response = await admin.get('/api/v1/institutions');
      } finally {
        await t.db.query('ALTER TABLE institution_gone RENAME TO institution');
      }
      expectError(response, 500, 'INTERNAL_ERROR');
      expect(Object.keys(response.body).sort()).toEqual(['code', 'message', 'requestId', 'statusCode']);
      const text = JSON.stringify(response.body);
      expect(text).not.toMatch(/institution|relation|SELECT|QueryFailedError|at \w+ \(/i);
      expect((await admin.get('/api/v1/institutions')).status).toBe(200);
    });
  });

  it('leaves nothing half-written after a batch of rejected requests', async () => {
    const cohort = await buildCohort(t.db, school.id);
    const outsider = await buildUser(t.db, { institutionId: (await buildInstitution(t.db)).id });
    const before = await counts();
    const rejected = [
      await admin.post('/api/v1/institutions', { name: 'Never School', role: 'admin' }),
      await admin.post('/api/v1/institutions', { name: 'Never School', slug: 'Not A Slug' }),
      await admin.post('/api/v1/cohorts', { institutionId: school.id, name: 'Never', programYear: 1999 }),
      await admin.post('/api/v1/cohorts', { institutionId: school.id, name: cohort.name, programYear: 2026 }),
      await admin.post(`/api/v1/cohorts/${cohort.id}/members`, { userId: outsider.id }),
      await admin.post('/api/v1/groups', { name: 'Never group', kind: 'book_club' }),
      await raw('post', '/api/v1/groups', 'application/json', '{"name":"Never group","kind":'),
      await raw(
        'post',
        '/api/v1/cohorts',
        'text/plain',
        JSON.stringify({ institutionId: school.id, name: 'Never', programYear: 2026 }),
      ),
    ];
    expect(rejected.map((r) => r.status)).toEqual([400, 400, 400, 409, 400, 400, 400, 415]);
    expect(await counts()).toEqual(before);
  });
});
