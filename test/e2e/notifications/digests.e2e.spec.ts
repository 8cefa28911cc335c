import { randomUUID } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import request from 'supertest';
import { buildCohort, buildInstitution } from '@app/testing';
import { DigestJobs, MailOutbox, periodKeyAt } from '@app/notifications';
import { JobName, JobQueue } from '@app/jobs';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink';
import { startTestApp, type TestApp } from '../../support/test-app';
import { afterFloodWindow, person, reply, space, startTopic, type Person } from '../forum/forum-support';
import { deliveries, digestsTo, headerOf, rawOf, setDigest, silenceEveryone, tick, waitForDigest } from './digest-support';
import { API, handleOf, settled } from './notification-support';

let t: TestApp;
let sink: SmtpSink;
let schoolA: { id: string };
let schoolB: { id: string };
let cohortA: { id: string };
const ids: Record<string, string> = {};

/** A published (or other) article written straight into the table, as the knowledge cycle would leave it. */
async function article(title: string, scopeKey: string, ownerId: string, extra: { status?: string; overdue?: boolean } = {}) {
  const [row] = await t.db.query(
    `INSERT INTO kb_article (title, summary, body, html, renderer_version, type, phases, scope_key, owner_id, status, verified_at, published_at)
     VALUES ($1, 'A short summary', 'Body', '<p>Body</p>', 1, 'guide', '{3}', $2, $3, $4::text,
       CASE WHEN $4::text = 'published' THEN now() - CASE WHEN $5 THEN interval '100 days' ELSE interval '0 days' END END,
       CASE WHEN $4::text = 'published' THEN now() END) RETURNING id`,
    [title, scopeKey, ownerId, extra.status ?? 'published', extra.overdue ?? false],
  );
  return row.id as string;
}

async function room(title: string, scopeKey: string, startsInDays: number, state = 'open') {
  const [row] = await t.db.query(
    `INSERT INTO chat_room (title, scope_key, starts_at, state) VALUES ($1, $2, now() + make_interval(days => $3), $4) RETURNING id`,
    [title, scopeKey, startsInDays, state],
  );
  return row.id as string;
}

/** Someone whose daily digest is due at any hour (hour 0 in UTC), in school A's cohort. */
async function dailyReader(displayName?: string): Promise<Person> {
  const p = await person(t, { institutionId: schoolA.id, cohortIds: [cohortA.id], displayName });
  await setDigest(t, p.id, { frequency: 'daily', hour: 0 });
  return p;
}

let reader: Person;
let hidden: Person;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await startTestApp({ SMTP_URL: sink.url });
  schoolA = await buildInstitution(t.db);
  schoolB = await buildInstitution(t.db);
  cohortA = await buildCohort(t.db, schoolA.id);
  const peer = await person(t, { institutionId: schoolA.id, cohortIds: [cohortA.id] });
  hidden = await person(t, { institutionId: schoolA.id, displayName: 'Hidden Realname Quill' });
  const outsider = await person(t, { institutionId: schoolB.id });
  reader = await person(t, { institutionId: schoolA.id, cohortIds: [cohortA.id], displayName: 'Rita Reader' });
  // Mentions by digest (no immediate mail waiting 10 minutes on the queue); review requests are listed by the digest anyway.
  await t.db.query(
    `INSERT INTO notification_preference (user_id, kind, channel) VALUES ($1, 'mentioned', 'email_digest'), ($1, 'review_requested', 'in_app')`,
    [reader.id],
  );

  const cohortSpace = await space(t, { scopeKey: `cohort:${cohortA.id}`, name: 'Cohort A circle' });
  const schoolSpace = await space(t, { scopeKey: `inst:${schoolA.id}`, name: 'School A commons', allowAnonymous: true });
  const consortiumSpace = await space(t, { scopeKey: 'consortium', name: 'Consortium square' });
  const otherSchool = await space(t, { scopeKey: `inst:${schoolB.id}`, name: 'School B room' });
  const muted = await space(t, { scopeKey: `inst:${schoolA.id}`, name: 'Muted corner' });
  await t.db.query(`INSERT INTO subscription (user_id, target_type, target_id, level) VALUES ($1, 'space', $2, 'muted')`, [
    reader.id,
    muted.id,
  ]);

  ids.consortium = (await startTopic(outsider.client, consortiumSpace.id, { title: 'Consortium: sharing rubrics' })).id;
  await reply(outsider.client, ids.consortium, { body: `What do you think, @${await handleOf(t, reader.id)}?` });
  ids.school = (await startTopic(peer.client, schoolSpace.id, { title: 'School A: clerkship feedback' })).id;
  ids.cohort = (await startTopic(peer.client, cohortSpace.id, { title: 'Cohort A: reflection circle' })).id;
  ids.anonymous = (
    await startTopic(hidden.client, schoolSpace.id, { title: 'Anonymous: what happened on rotation', anonymous: true })
  ).id;
  await reply(hidden.client, ids.anonymous, { body: 'And one more thing.', anonymous: true });
  await startTopic(outsider.client, otherSchool.id, { title: 'School B private: budget talk' });
  await startTopic(peer.client, muted.id, { title: 'Muted corner chatter' });

  ids.article = await article('Consortium article: inclusive curricula', 'consortium', outsider.id);
  await article('School B article: internal audit', `inst:${schoolB.id}`, outsider.id);
  ids.review = await article('Draft for your review', `inst:${schoolA.id}`, peer.id, { status: 'in_review' });
  await t.db.query('INSERT INTO kb_review (article_id, reviewer_id) VALUES ($1, $2)', [ids.review, reader.id]);
  ids.overdue = await article('Your overdue guide', `inst:${schoolA.id}`, reader.id, { overdue: true });
  ids.room = await room('School A dialogue', `inst:${schoolA.id}`, 2);
  await room('School B dialogue', `inst:${schoolB.id}`, 2);
  await room('Closed dialogue', `inst:${schoolA.id}`, 2, 'closed');
  await room('Far future dialogue', `inst:${schoolA.id}`, 10);
  // A mention from a scope the reader cannot read (as if they lost access since): checked again at build time.
  await t.db.query(
    `INSERT INTO notification (user_id, kind, group_key, thread_key, subject, url, scope_key, channel)
     VALUES ($1, 'mentioned', $2, 'topic:x', 'Leaked mention from school B', '/forum/t/x', $3, 'email_digest')`,
    [reader.id, `mentioned:${randomUUID()}`, `inst:${schoolB.id}`],
  );
  await settled(t); // the mention notification is written by a job
  await silenceEveryone(t);
  await setDigest(t, reader.id, { frequency: 'daily', hour: 0 });
});
afterAll(async () => {
  await t?.close();
  await sink?.close();
});
beforeEach(() => afterFloodWindow(t));
afterEach(async () => {
  jest.restoreAllMocks();
  await silenceEveryone(t);
});

describe('the digest mail', () => {
  let mail: ParsedMail;
  beforeAll(async () => {
    await tick(t);
    mail = await waitForDigest(sink, reader.email);
  });

  it('lists what is new for the person, with exact links, cohort before school before consortium', () => {
    const base = t.config.publicUrl;
    expect(mail.subject).toBe('Your ART Commons digest: 4 new topics, 1 mention, 1 article and more');
    const text = mail.text!;
    for (const [title, path] of [
      ['Cohort A: reflection circle', `/forum/t/${ids.cohort}`],
      ['School A: clerkship feedback', `/forum/t/${ids.school}`],
      ['Consortium: sharing rubrics', `/forum/t/${ids.consortium}`],
      ['Consortium article: inclusive curricula', `/knowledge/a/${ids.article}`],
      ['Draft for your review', `/knowledge/a/${ids.review}`],
      ['Your overdue guide', `/knowledge/a/${ids.overdue}`],
      ['School A dialogue', `/chat/r/${ids.room}`],
    ]) {
      expect(text).toContain(`* ${title}`);
      expect(text).toContain(`${base}${path}\n`);
      expect(mail.html).toContain(`href="${base}${path}"`);
    }
    expect(text).toMatch(/mentioned you in “Consortium: sharing rubrics”/);
    const at = (title: string) => text.indexOf(title);
    expect(at('Cohort A: reflection circle')).toBeLessThan(at('School A: clerkship feedback'));
    expect(at('School A: clerkship feedback')).toBeLessThan(at('* Consortium: sharing rubrics'));
  });

  it('shows nothing from outside their scopes, nothing muted, nothing closed or too far ahead', () => {
    const raw = rawOf(mail);
    for (const absent of [
      'School B private',
      'School B article',
      'School B dialogue',
      'Leaked mention',
      'Muted corner',
      'Closed dialogue',
      'Far future dialogue',
    ]) {
      expect(raw).not.toContain(absent);
    }
  });

  it('never names an anonymous author: the pseudonym only', async () => {
    expect(mail.text).toContain('New topic by Participant 1');
    expect(rawOf(mail)).not.toContain(hidden.displayName);
    const [stored] = await t.db.query('SELECT subject, html, text, headers::text FROM outgoing_mail WHERE user_id = $1', [
      reader.id,
    ]);
    expect(JSON.stringify(stored)).not.toContain('Realname');
  });

  it('carries one-click List-Unsubscribe headers and a footer link for the digest, and records the delivery', async () => {
    expect(headerOf(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(headerOf(mail, 'list-unsubscribe')).toMatch(
      /^<http[^>]+\/api\/v1\/notifications\/unsubscribe\/one-click\?token=[^>]+>$/,
    );
    const footer = new RegExp(`${t.config.publicUrl.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/unsubscribe\\?token=([^\\s]+)`).exec(
      mail.text!,
    );
    expect(mail.text).toContain(`${t.config.publicUrl}/settings/notifications`);
    const described = await request(t.url).get(`${API}/notifications/unsubscribe?token=${footer![1]}`);
    expect(described.status).toBe(200);
    expect(described.body.topic).toBe('digest');
    const [row] = await deliveries(t, reader.id);
    expect(row.periodKey).toBe(periodKeyAt(t.clock.now(), 'UTC', 'daily'));
    expect(row.itemCount).toBe(9); // 4 topics, 1 mention, 1 article, 1 review, 1 overdue, 1 room
    expect(row.mailId).toEqual(expect.any(String));
  });
});

describe('exactly once per person and period', () => {
  it('sends one mail however often the tick and the build job run', async () => {
    const x = await dailyReader();
    const periodKey = periodKeyAt(t.clock.now(), 'UTC', 'daily');
    await Promise.all([t.app.get(DigestJobs).tick(), t.app.get(DigestJobs).tick()]);
    await settled(t);
    const queue = t.app.get(JobQueue);
    // Without a job id, so the queue really runs both; the claim row is what stops them.
    await queue.enqueue(JobName.DigestBuild, { userId: x.id, periodKey });
    await queue.enqueue(JobName.DigestBuild, { userId: x.id, periodKey });
    await expect(t.app.get(DigestJobs).build({ userId: x.id, periodKey })).resolves.toBe('done_before');
    await settled(t);
    expect(digestsTo(sink, x.email)).toHaveLength(1);
    expect(await deliveries(t, x.id)).toHaveLength(1);
  });

  it('lets only one of two builds running at the same moment make the digest', async () => {
    const y = await dailyReader();
    const jobs = t.app.get(DigestJobs);
    const outcomes = await Promise.all([
      jobs.build({ userId: y.id, periodKey: 'daily:2030-01-01' }),
      jobs.build({ userId: y.id, periodKey: 'daily:2030-01-01' }),
    ]);
    expect(outcomes.sort()).toEqual(['done_before', 'sent']);
    await settled(t);
    expect(digestsTo(sink, y.email)).toHaveLength(1);
  });

  it('rolls the claim back when the build fails after it, so the retry sends the digest', async () => {
    const z = await dailyReader();
    const periodKey = periodKeyAt(t.clock.now(), 'UTC', 'daily');
    jest.spyOn(t.app.get(MailOutbox), 'queue').mockRejectedValueOnce(new Error('outbox unavailable'));
    await expect(t.app.get(DigestJobs).build({ userId: z.id, periodKey })).rejects.toThrow('outbox unavailable');
    expect(await deliveries(t, z.id)).toEqual([]);
    expect(await t.db.query('SELECT id FROM outgoing_mail WHERE user_id = $1', [z.id])).toEqual([]);
    await expect(t.app.get(DigestJobs).build({ userId: z.id, periodKey })).resolves.toBe('sent');
    await settled(t);
    expect(digestsTo(sink, z.email)).toHaveLength(1);
  });

  it('refuses a payload whose period is not one the tick makes', async () => {
    await expect(t.app.get(DigestJobs).build({ userId: reader.id, periodKey: 'daily:soon' })).rejects.toThrow(
      'not a digest period',
    );
  });
});

describe('only when something is new', () => {
  it('sends nothing when nothing happened since the last digest (reminders alone do not count), but records the period', async () => {
    const quiet = await dailyReader();
    await article('An old overdue article', `inst:${schoolA.id}`, quiet.id, { overdue: true });
    await t.db.query(
      `INSERT INTO digest_delivery (user_id, period_key, item_count, created_at) VALUES ($1, 'daily:2000-01-01', 3, $2)`,
      [quiet.id, t.clock.now()],
    );
    await tick(t);
    expect(digestsTo(sink, quiet.email)).toEqual([]);
    const rows = await deliveries(t, quiet.id);
    expect(rows.map((r) => [r.periodKey, r.itemCount, r.mailId])).toEqual([
      ['daily:2000-01-01', 3, null],
      [periodKeyAt(t.clock.now(), 'UTC', 'daily'), 0, null],
    ]);
    expect(await t.app.get(DigestJobs).tick()).toBe(0);
  });
});
