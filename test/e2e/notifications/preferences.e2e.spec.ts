import { personSignedIn, startTestApp, type TestApp } from '../../support/test-app';
import { API } from './notification-support';

describe('notification preferences', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('starts from the defaults and saves what a person chooses', async () => {
    const { client } = await personSignedIn(t);
    const defaults = (await client.get(`${API}/notifications/preferences`)).body;
    expect(defaults.digest).toEqual({ frequency: 'weekly', hour: 7 });
    expect(defaults.timeZone).toBe('UTC');
    expect(defaults.kinds).toEqual(expect.arrayContaining([{ kind: 'mentioned', label: 'Someone mentions me', channel: 'email_immediate' }]));
    const saved = await client.put(`${API}/notifications/preferences`, {
      kinds: { reacted: 'off', watching: 'email_immediate' },
      digest: { frequency: 'daily', hour: 18 },
      timeZone: 'America/Chicago',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.digest).toEqual({ frequency: 'daily', hour: 18 });
    expect(saved.body.timeZone).toBe('America/Chicago');
    const kinds = Object.fromEntries(saved.body.kinds.map((k: { kind: string; channel: string }) => [k.kind, k.channel]));
    expect(kinds).toMatchObject({ reacted: 'off', watching: 'email_immediate', mentioned: 'email_immediate' });
    // Quiet mode on and off again.
    const until = new Date(t.clock.now().getTime() + 3 * 86_400_000).toISOString();
    expect((await client.put(`${API}/notifications/preferences`, { quietUntil: until })).body.quietUntil).toBe(until);
    expect((await client.put(`${API}/notifications/preferences`, { quietUntil: null })).body.quietUntil).toBeNull();
  });

  it.each([
    ['an unknown kind', { kinds: { gossip: 'in_app' } }],
    ['an unknown channel', { kinds: { mentioned: 'carrier_pigeon' } }],
    ['a channel that is not text', { kinds: { mentioned: 3 } }],
    ['an unknown digest frequency', { digest: { frequency: 'hourly' } }],
    ['an hour out of range', { digest: { hour: 24 } }],
    ['a fractional hour', { digest: { hour: 7.5 } }],
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }],
    ['a time zone that is not text', { timeZone: 5 }],
    ['a quiet period that is not a date', { quietUntil: 'tomorrow' }],
    ['a quiet period of years', { quietUntil: '2099-01-01T00:00:00Z' }],
    ['kinds that are not an object', { kinds: 'all' }],
  ])('refuses %s with 400 and changes nothing', async (_name, body) => {
    const { client } = await personSignedIn(t);
    const before = (await client.get(`${API}/notifications/preferences`)).body;
    const response = await client.put(`${API}/notifications/preferences`, { ...body, digest: { frequency: 'daily', ...(body as any).digest } });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect((await client.get(`${API}/notifications/preferences`)).body).toEqual(before);
  });

  it('refuses a valid change bundled with an invalid one, as a whole', async () => {
    const { client } = await personSignedIn(t);
    const response = await client.put(`${API}/notifications/preferences`, { kinds: { reacted: 'off', nonsense: 'off' } });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([expect.objectContaining({ field: 'kinds.nonsense' })]);
    const kinds = (await client.get(`${API}/notifications/preferences`)).body.kinds;
    expect(kinds.find((k: { kind: string }) => k.kind === 'reacted').channel).toBe('in_app');
  });

  it('answers 401 without a session', async () => {
    const response = await t.app.getHttpAdapter().getInstance().inject({ method: 'GET', url: `${API}/notifications` });
    expect(response.statusCode).toBe(401);
  });
});
