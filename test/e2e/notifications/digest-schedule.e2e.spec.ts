import { buildInstitution } from '@app/testing';
import { periodKeyAt } from '@app/notifications';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink';
import { startTestApp, type TestApp } from '../../support/test-app';
import { person, space, startTopic, type Person } from '../forum/forum-support';
import {
  digestsTo,
  hoursAfter,
  periodKeysOf,
  setClock,
  setDigest,
  silenceEveryone,
  tick,
  utcMidnight,
  waitForDigest,
  type DigestSettings,
} from './digest-support';

/*
 * When digests go out. The clock is set to moments in the recent past, so the consortium topic written at the start
 * (in real time) is news for every digest built here.
 */

let t: TestApp;
let sink: SmtpSink;
let school: { id: string };

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await startTestApp({ SMTP_URL: sink.url });
  school = await buildInstitution(t.db);
  const author = await person(t, { institutionId: school.id });
  const square = await space(t, { scopeKey: 'consortium' });
  await startTopic(author.client, square.id, { title: 'News for everyone' });
  await silenceEveryone(t);
});
afterAll(async () => {
  await t?.close();
  await sink?.close();
});
afterEach(async () => {
  t.clock.reset();
  await silenceEveryone(t);
});

/** A member of the school with these digest settings; 'defaults' leaves them with no settings row at all. */
async function member(settings: DigestSettings | 'defaults'): Promise<Person> {
  const p = await person(t, { institutionId: school.id });
  if (settings !== 'defaults') await setDigest(t, p.id, settings);
  return p;
}

/** A day far enough back that every moment used below (up to 19:00 that day) is already past. */
const recentDay = () => utcMidnight(hoursAfter(new Date(), -20));

describe('time zones', () => {
  it('sends at 7 in the person’s own zone: at 7 UTC for UTC, at 7 in Auckland for Auckland', async () => {
    const day = recentDay();
    const london = await member({ frequency: 'daily', hour: 7, timeZone: 'UTC' });
    setClock(t, hoursAfter(day, 6));
    await tick(t);
    expect(await periodKeysOf(t, london.id)).toEqual([]);

    // Joins now (at 6 UTC it was already evening in Auckland, and their digest for that day would have been due).
    const auckland = await member({ frequency: 'daily', hour: 7, timeZone: 'Pacific/Auckland' });

    // 15:00 UTC: past 7 in London; in Auckland (UTC+12/+13) it is 3 or 4 in the morning of the next day.
    setClock(t, hoursAfter(day, 15));
    await tick(t);
    expect(await periodKeysOf(t, london.id)).toEqual([periodKeyAt(hoursAfter(day, 15), 'UTC', 'daily')]);
    expect(await periodKeysOf(t, auckland.id)).toEqual([]);
    expect(digestsTo(sink, auckland.email)).toEqual([]);

    // 19:00 UTC is 7 or 8 in the morning in Auckland.
    setClock(t, hoursAfter(day, 19));
    await tick(t);
    const aucklandKey = periodKeyAt(hoursAfter(day, 19), 'Pacific/Auckland', 'daily');
    expect(aucklandKey).not.toBe(periodKeyAt(hoursAfter(day, 19), 'UTC', 'daily'));
    expect(await periodKeysOf(t, auckland.id)).toEqual([aucklandKey]);
    expect(await periodKeysOf(t, london.id)).toHaveLength(1);
    const mail = await waitForDigest(sink, auckland.email);
    expect(mail.subject).toMatch(/^Your ART Commons digest: 1 new topic/);
    expect(digestsTo(sink, london.email)).toHaveLength(1);
  });
});

describe('weekly and daily', () => {
  it('sends weekly digests (the default: Mondays at 7 UTC) once a week and daily ones every day', async () => {
    // The Monday of last week, so that every moment used is in the past.
    const today = utcMidnight(new Date());
    const monday = utcMidnight(today, ((today.getUTCDay() + 6) % 7) + 7);
    const weekly = await member('defaults');
    const daily = await member({ frequency: 'daily', hour: 7 });

    setClock(t, hoursAfter(monday, 6));
    await tick(t);
    expect(await periodKeysOf(t, weekly.id)).toEqual([]);
    expect(await periodKeysOf(t, daily.id)).toEqual([]);

    setClock(t, hoursAfter(monday, 8));
    await tick(t);
    const week = periodKeyAt(monday, 'UTC', 'weekly');
    expect(await periodKeysOf(t, weekly.id)).toEqual([week]);
    expect(await periodKeysOf(t, daily.id)).toEqual([periodKeyAt(monday, 'UTC', 'daily')]);
    expect((await waitForDigest(sink, weekly.email)).text).toContain('Your weekly digest');

    // Tuesday and Sunday: the daily digest each day, the weekly one not again within the week.
    for (const hours of [24 + 8, 6 * 24 + 8]) {
      setClock(t, hoursAfter(monday, hours));
      await tick(t);
    }
    expect(await periodKeysOf(t, weekly.id)).toEqual([week]);
    expect(await periodKeysOf(t, daily.id)).toEqual(
      [monday, hoursAfter(monday, 24), hoursAfter(monday, 6 * 24)].map((d) => periodKeyAt(d, 'UTC', 'daily')),
    );
    expect(digestsTo(sink, weekly.email)).toHaveLength(1);
  });

  it('sends a weekly digest later in the week to someone who had none on Monday (a newcomer)', async () => {
    const today = utcMidnight(new Date());
    const wednesday = utcMidnight(today, ((today.getUTCDay() + 4) % 7) + 7);
    const newcomer = await member({ frequency: 'weekly', hour: 9 });
    setClock(t, hoursAfter(wednesday, 3));
    await tick(t);
    expect(await periodKeysOf(t, newcomer.id)).toEqual([periodKeyAt(wednesday, 'UTC', 'weekly')]);
  });
});

describe('saying less', () => {
  it('sends nothing to someone whose frequency is never', async () => {
    const never = await member({ frequency: 'never', hour: 0 });
    await tick(t);
    expect(await periodKeysOf(t, never.id)).toEqual([]);
    expect(digestsTo(sink, never.email)).toEqual([]);
  });

  it('holds the digest during quiet mode and sends it once quiet mode is over', async () => {
    const now = new Date();
    const quiet = await member({ frequency: 'weekly', hour: 0, quietUntil: hoursAfter(now, 2) });
    await tick(t);
    expect(await periodKeysOf(t, quiet.id)).toEqual([]);
    setClock(t, hoursAfter(now, 3));
    await tick(t);
    expect(await periodKeysOf(t, quiet.id)).toEqual([periodKeyAt(hoursAfter(now, 3), 'UTC', 'weekly')]);
    await waitForDigest(sink, quiet.email);
  });
});
