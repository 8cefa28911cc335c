import { institutionScope } from '@app/identity';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink';
import { startTestApp, type TestApp } from '../../support/test-app';
import { afterFloodWindow, buildWorld, reply, space, startTopic, type World } from '../forum/forum-support';
import { API, handleOf, settled } from './notification-support';

/**
 * The unseen delay is shortened to 4 s: long enough for five replies, or a read, to land within it on a loaded machine.
 * Waits until the unseen delay has passed and the email job has dealt with a person's notifications,
 * whether it mailed them or not (seen, quiet): a delayed job may start a little late, so no fixed sleep.
 */
async function emailHandled(t: TestApp, userId: string): Promise<void> {
  await settled(t);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const [row] = await t.db.query(
      `SELECT count(*)::int AS pending FROM notification WHERE user_id = $1 AND email_due_at IS NOT NULL AND emailed_at IS NULL AND read_at IS NULL`,
      [userId],
    );
    if (row.pending === 0) return settled(t);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the immediate email was never handled');
}

describe('immediate email', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ SMTP_URL: sink.url, MAIL_IMMEDIATE_DELAY_SECONDS: '4' });
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });
  beforeEach(async () => {
    sink.clear();
    await afterFloodWindow(t);
  });

  const mailsTo = (email: string) => sink.messages.filter((m) => m.to && JSON.stringify(m.to).includes(email));

  it('coalesces five replies to one person in one topic into one email, threaded under the topic', async () => {
    const schoolSpace = await space(t, { scopeKey: institutionScope(w.schoolA.id) });
    const topic = await startTopic(w.otherA.client, schoolSpace.id, { title: 'Five voices' });
    for (let i = 1; i <= 5; i++) {
      await afterFloodWindow(t);
      await reply(w.memberA.client, topic.id, { body: `Reply number ${i}` });
    }
    await emailHandled(t, w.otherA.id);
    const mails = mailsTo(w.otherA.email);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail.subject).toContain('Five voices');
    expect(mail.text).toContain(`/forum/t/${topic.id}#post-`);
    expect(mail.html).toContain('ART Commons');
    expect(mail.inReplyTo).toContain(topic.id);
    const headerNames = mail.headerLines.map((h) => h.key);
    expect(headerNames).toEqual(expect.arrayContaining(['list-unsubscribe', 'list-unsubscribe-post']));
  });

  it('sends nothing for what the person already saw in the app', async () => {
    const schoolSpace = await space(t, { scopeKey: institutionScope(w.schoolA.id) });
    const topic = await startTopic(w.otherA.client, schoolSpace.id, { title: 'Seen already' });
    const posted = await reply(w.memberA.client, topic.id, { body: `Look, @${await handleOf(t, w.leadA.id)}` });
    await settled(t);
    // The lead opens the topic (read tracking) before the delay passes: the notification is read with it.
    expect((await w.leadA.client.put(`${API}/topics/${topic.id}/read`, { postNumber: posted.postNumber })).status).toBe(204);
    expect((await w.leadA.client.get(`${API}/notifications/unread-count`)).body.unreadCount).toBe(0);
    await emailHandled(t, w.leadA.id);
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    await settled(t);
    expect(mailsTo(w.leadA.email)).toEqual([]);
  });

  it('sends nothing in quiet mode, and nothing of a kind turned to the app only', async () => {
    const consortium = await space(t, { scopeKey: 'consortium' });
    const quietUntil = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    expect((await w.memberB.client.put(`${API}/notifications/preferences`, { quietUntil })).status).toBe(200);
    expect((await w.leadB.client.put(`${API}/notifications/preferences`, { kinds: { mentioned: 'in_app' } })).status).toBe(200);
    const topic = await startTopic(w.memberA.client, consortium.id, { title: 'Calm' });
    await reply(w.memberA.client, topic.id, { body: `@${await handleOf(t, w.memberB.id)} and @${await handleOf(t, w.leadB.id)}` });
    await settled(t);
    // Quiet mode is decided when the notification is made (no email is scheduled); an in-app kind never has one.
    await emailHandled(t, w.memberB.id);
    await emailHandled(t, w.leadB.id);
    expect(mailsTo(w.memberB.email)).toEqual([]);
    expect(mailsTo(w.leadB.email)).toEqual([]);
    // Both still have it in the app.
    for (const who of [w.memberB, w.leadB]) {
      expect((await who.client.get(`${API}/notifications/unread-count`)).body.unreadCount).toBeGreaterThan(0);
    }
  });
});
