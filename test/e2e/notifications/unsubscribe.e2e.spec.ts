import { createHmac, randomBytes } from 'node:crypto';
import request from 'supertest';
import { buildUser } from '@app/testing';
import {
  KIND_LABELS,
  MailOutbox,
  PreferenceRepository,
  UnsubscribeTokens,
  type DeliveryChannel,
  type NotificationKind,
} from '@app/notifications';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink';
import { Client, personSignedIn, startTestApp, type TestApp } from '../../support/test-app';

const DAY_MS = 86_400_000;
const PATH = '/api/v1/notifications/unsubscribe';
const ONE_CLICK = `${PATH}/one-click`;

let t: TestApp;
let sink: SmtpSink;
let tokens: UnsubscribeTokens;
let preferences: PreferenceRepository;
let person: { id: string; email: string; client: Client };
let other: { id: string; email: string; client: Client };

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await startTestApp({ SMTP_URL: sink.url });
  tokens = t.app.get(UnsubscribeTokens);
  preferences = t.app.get(PreferenceRepository);
  person = await personSignedIn(t, { email: 'amara.okafor@example.test' });
  other = await personSignedIn(t);
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

const sign = (userId: string, topic: string, now = new Date()) => tokens.sign(userId, topic, now);
const anonymous = () => new Client(t.url);
const setChannels = (userId: string, channels: Partial<Record<NotificationKind, DeliveryChannel>>) =>
  preferences.transaction((manager) => preferences.saveChannels(userId, channels, manager));
const channelOf = async (userId: string, kind: NotificationKind) => (await preferences.channels(userId))[kind];
const oneClick = (token: string) =>
  request(t.url)
    .post(`${ONE_CLICK}?token=${encodeURIComponent(token)}`)
    .type('form')
    .send('List-Unsubscribe=One-Click');

/** Every preference and setting of everyone, to show a refused request changed nothing. */
const snapshot = async () =>
  (
    await t.db.query(
      `SELECT (SELECT coalesce(json_agg(p ORDER BY user_id, kind), '[]') FROM notification_preference p) AS prefs,
              (SELECT coalesce(json_agg(s ORDER BY user_id), '[]') FROM notification_setting s) AS settings`,
    )
  )[0];

describe('with a valid token', () => {
  it('describes what the link turns off, with the address masked, and changes nothing', async () => {
    await setChannels(person.id, { mentioned: 'email_immediate' });
    const token = await sign(person.id, 'mentioned');
    const before = await snapshot();
    const response = await request(t.url).get(PATH).query({ token });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ topic: 'mentioned', label: KIND_LABELS.mentioned, email: 'a***@example.test' });
    expect(await snapshot()).toEqual(before);
  });

  it('turns an emailed kind into in-app only on POST, without a session, and says so again on a second POST', async () => {
    await setChannels(person.id, { mentioned: 'email_immediate' });
    const token = await sign(person.id, 'mentioned');
    for (let i = 0; i < 2; i += 1) {
      const response = await anonymous().post(PATH, { token });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ topic: 'mentioned', label: KIND_LABELS.mentioned, done: true });
      expect(await channelOf(person.id, 'mentioned')).toBe('in_app');
    }
  });

  it('works for the person signed in as themselves', async () => {
    await setChannels(person.id, { replied: 'email_digest' });
    const token = await sign(person.id, 'replied');
    expect((await person.client.get(`${PATH}?token=${encodeURIComponent(token)}`)).status).toBe(200);
    expect((await person.client.post(PATH, { token })).status).toBe(200);
    expect(await channelOf(person.id, 'replied')).toBe('in_app');
  });

  it('accepts the RFC 8058 one-click POST: a form body, no cookie, no CSRF header', async () => {
    await setChannels(person.id, { watching: 'email_digest' });
    const token = await sign(person.id, 'watching');
    const response = await oneClick(token);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ topic: 'watching', done: true });
    expect(await channelOf(person.id, 'watching')).toBe('in_app');
    // The RFC's preferred multipart form works too.
    await setChannels(person.id, { watching: 'email_immediate' });
    const multipart = await request(t.url)
      .post(`${ONE_CLICK}?token=${encodeURIComponent(token)}`)
      .field('List-Unsubscribe', 'One-Click');
    expect(multipart.status).toBe(200);
    expect(await channelOf(person.id, 'watching')).toBe('in_app');
  });

  it('ignores any session on the one-click route: only the token counts there', async () => {
    await setChannels(person.id, { quoted: 'email_immediate' });
    const response = await oneClick(await sign(person.id, 'quoted')).set('Cookie', other.client.cookie!);
    expect(response.status).toBe(200);
    expect(await channelOf(person.id, 'quoted')).toBe('in_app');
  });

  it('leaves a kind that is off, off', async () => {
    await setChannels(person.id, { reacted: 'off' });
    expect((await anonymous().post(PATH, { token: await sign(person.id, 'reacted') })).status).toBe(200);
    expect(await channelOf(person.id, 'reacted')).toBe('off');
  });

  it("sets the digest to 'never' for the 'digest' topic, keeping the hour and time zone", async () => {
    await preferences.transaction((manager) =>
      preferences.saveSettings(
        person.id,
        { digestFrequency: 'daily', digestHour: 9, timeZone: 'Europe/Berlin', quietUntil: null },
        manager,
      ),
    );
    const token = await sign(person.id, 'digest');
    expect((await request(t.url).get(PATH).query({ token })).body).toEqual({
      topic: 'digest',
      label: 'Email digest',
      email: 'a***@example.test',
    });
    const response = await oneClick(token);
    expect(response.status).toBe(200);
    expect(await preferences.settings(person.id)).toMatchObject({
      digestFrequency: 'never',
      digestHour: 9,
      timeZone: 'Europe/Berlin',
    });
  });
});

describe('with a bad token or the wrong person: 4xx and nothing changed', () => {
  beforeEach(() => setChannels(person.id, { mentioned: 'email_immediate' }));

  /** The GET, the POST and the one-click all refuse it the same way. */
  async function refusedEverywhere(token: string, status: number, code: string, client = anonymous()) {
    const before = await snapshot();
    const answers = [
      await client.get(`${PATH}?token=${encodeURIComponent(token)}`),
      await client.post(PATH, { token }),
      ...(status === 403 ? [] : [await oneClick(token)]),
    ];
    for (const answer of answers) expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
    expect(await snapshot()).toEqual(before);
  }

  it('refuses a forged token (signed with another key) as INVALID_TOKEN', async () => {
    const payload = Buffer.from(
      JSON.stringify({ u: person.id, t: 'mentioned', e: Math.floor(Date.now() / 1000) + 3600 }),
    ).toString('base64url');
    const signature = createHmac('sha256', randomBytes(32)).update(payload).digest('base64url');
    await refusedEverywhere(`${payload}.${signature}`, 400, 'INVALID_TOKEN');
    await refusedEverywhere('not-a-token', 400, 'INVALID_TOKEN');
  });

  it('refuses a tampered token: another person or topic under a valid signature', async () => {
    const [, signature] = (await sign(person.id, 'mentioned')).split('.');
    const [otherPayload] = (await sign(other.id, 'mentioned')).split('.');
    await refusedEverywhere(`${otherPayload}.${signature}`, 400, 'INVALID_TOKEN');
    const [digestPayload] = (await sign(person.id, 'digest')).split('.');
    await refusedEverywhere(`${digestPayload}.${signature}`, 400, 'INVALID_TOKEN');
  });

  it('refuses an expired token as TOKEN_EXPIRED', async () => {
    await refusedEverywhere(await sign(person.id, 'mentioned', new Date(Date.now() - 200 * DAY_MS)), 400, 'TOKEN_EXPIRED');
  });

  it('refuses a well-signed token for an unknown topic', async () => {
    await refusedEverywhere(await sign(person.id, 'newsletter'), 400, 'INVALID_TOKEN');
  });

  it('refuses a token for a person who has been deleted', async () => {
    const gone = await buildUser(t.db);
    const token = await sign(gone.id, 'mentioned');
    await t.db.query('DELETE FROM app_user WHERE id = $1', [gone.id]);
    await refusedEverywhere(token, 400, 'INVALID_TOKEN');
  });

  it('refuses with 403 TOKEN_NOT_YOURS when someone else is signed in', async () => {
    await refusedEverywhere(await sign(person.id, 'mentioned'), 403, 'TOKEN_NOT_YOURS', other.client);
    expect(await channelOf(person.id, 'mentioned')).toBe('email_immediate');
  });

  it('refuses a missing token, a form body off the one-click route, and a cookie POST without the CSRF header', async () => {
    const before = await snapshot();
    expect((await request(t.url).get(PATH)).status).toBe(400);
    expect((await request(t.url).post(ONE_CLICK).type('form').send('List-Unsubscribe=One-Click')).status).toBe(400);
    const token = await sign(person.id, 'mentioned');
    const form = await request(t.url).post(PATH).set('X-Requested-With', 'art-commons').type('form').send({ token });
    expect({ status: form.status, code: form.body.code }).toEqual({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    const noHeader = await request(t.url).post(PATH).set('Cookie', person.client.cookie!).send({ token });
    expect({ status: noHeader.status, code: noHeader.body.code }).toEqual({ status: 403, code: 'CSRF_HEADER_MISSING' });
    expect(await snapshot()).toEqual(before);
  });
});

describe('in a real mail', () => {
  it('threads by topic and carries List-Unsubscribe one-click headers and a footer link that work', async () => {
    await setChannels(person.id, { replied: 'email_immediate' });
    const topicId = '3f0c1c5e-5b7e-4f0e-9d4c-1a2b3c4d5e6f';
    await t.app.get(MailOutbox).queue({
      userId: person.id,
      to: person.email,
      purpose: 'immediate',
      subject: 'New replies in “Naming racism on rounds”',
      threadKey: `topic:${topicId}`,
      content: {
        heading: 'New replies in “Naming racism on rounds”',
        sections: [{ items: [{ title: 'Naming racism on rounds', url: `/forum/t/${topicId}?post=4` }] }],
        footer: { reason: 'You get this because someone replied to you.' },
      },
      unsubscribe: { userId: person.id, topic: 'replied', label: KIND_LABELS.replied },
    });
    const message = await sink.waitFor((m) => m.subject === 'New replies in “Naming racism on rounds”');
    const host = new URL(t.config.publicUrl).hostname;
    expect(message.inReplyTo).toBe(`<topic.${topicId}@${host}>`);
    expect([message.references].flat()).toEqual([`<topic.${topicId}@${host}>`]);
    expect(message.messageId).toMatch(new RegExp(`^<immediate\\.[0-9a-f-]{36}@${host.replace(/\./g, '\\.')}>$`));
    const header = (key: string) =>
      message.headerLines
        .find((h) => h.key === key)
        ?.line.replace(/\r?\n[ \t]+/g, '')
        .replace(/^[^:]+:\s*/, '');
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const oneClickUrl = /^<([^>]+)>$/.exec(header('list-unsubscribe') ?? '')?.[1];
    expect(oneClickUrl).toMatch(new RegExp(`^${t.config.publicUrl.replace(/[.]/g, '\\.')}${ONE_CLICK}\\?token=`));

    const footerUrl = /(\S+\/unsubscribe\?token=\S+)/.exec(message.text ?? '')?.[1];
    expect(footerUrl).toBeDefined();
    expect(message.text).toContain(`${t.config.publicUrl}/settings/notifications`);
    expect(message.html).toContain(`href="${footerUrl}"`);
    const footerToken = new URL(footerUrl!).searchParams.get('token')!;
    expect((await request(t.url).get(PATH).query({ token: footerToken })).body).toMatchObject({ topic: 'replied' });

    const url = new URL(oneClickUrl!);
    const response = await request(t.url).post(`${url.pathname}${url.search}`).type('form').send('List-Unsubscribe=One-Click');
    expect(response.status).toBe(200);
    expect(await channelOf(person.id, 'replied')).toBe('in_app');
  });
});
