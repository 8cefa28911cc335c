import { startTestApp, type TestApp } from '../../support/test-app';
import { API, buildWorld, expectOk, type World } from '../knowledge/knowledge-support';

describe('search: bad input is a clear 4xx or an empty answer, never a 500', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  const search = (query: string) => w.memberA.client.get(`${API}/search?${query}`);

  it.each([
    ["'; DROP TABLE post; --"],
    ['racism & | ! ( ) :* <-> \\ \' "'],
    ['"unterminated phrase'],
    ['-'],
    ['or'],
    ['tag:\'; --'],
    ['\u0000\u0001 null bytes'],
  ])('treats %j as text (an answer, perhaps empty)', async (q) => {
    const response = await search(`q=${encodeURIComponent(q)}`);
    expect(response.status).toBe(200);
    expect(Array.isArray(response.body.items)).toBe(true);
  });

  it('answers a query of only stop words with nothing', async () => {
    expect((await expectOk(search('q=the%20and%20of'))).items).toEqual([]);
  });

  it('refuses a 10 KB query', async () => {
    const response = await search(`q=${'a'.repeat(10_000)}`);
    expect([response.status, response.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it.each([['q=colour:red'], ['q=phase:9'], ['q=type:poem'], ['q=status:gone'], ['type=poem'], ['after=2024-13-45'], ['cursor=not-a-cursor'], ['limit=500']])(
    'refuses %s with 400 and a stable code',
    async (query) => {
      const response = await search(query);
      expect([response.status, response.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    },
  );

  it('is only for people who signed in', async () => {
    const response = await w.memberA.client.get(`${API}/search?q=x`).unset('Cookie');
    expect(response.status).toBe(401);
  });
});
