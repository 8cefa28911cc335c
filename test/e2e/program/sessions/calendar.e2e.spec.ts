import { createHash } from 'node:crypto';
import { cohortScope, groupScope, institutionScope } from '@app/identity';
import { buildGroup } from '@app/testing';
import request from 'supertest';
import type { TestApp } from '../../../support/test-app';
import {
  CALENDAR,
  createSession,
  DAY,
  dialogue,
  fromNow,
  HOUR,
  person,
  SESSIONS,
  startSessionsWorld,
  unfold,
  type Person,
  type World,
} from './sessions-support';

type Listed = {
  id: string;
  title: string;
  cancelled: boolean;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  myRsvp: string | null;
  parentId: string | null;
};

describe('the program calendar and its iCalendar feeds', () => {
  let t: TestApp;
  let w: World;
  let reader: Person;
  const s: Record<string, { id: string; [key: string]: any }> = {};
  beforeAll(async () => {
    ({ t, w } = await startSessionsWorld());
    const group = await buildGroup(t.db, { institutionId: w.schoolA.id, name: 'Guiding coalition A' });
    reader = await person(t, { institutionId: w.schoolA.id, cohortIds: [w.cohortA.id], groupIds: [group.id] });
    const f = w.platformFacilitator.client;
    const at = (days: number, body: Record<string, unknown>) =>
      createSession(f, dialogue(t, w, { startsAt: fromNow(t, days * DAY), ...body }));
    s.cohort = await at(2, { title: 'Cohort A dialogue', joinUrl: 'https://meet.example/a?x=1,2', timeZone: 'Asia/Tokyo' });
    s.otherCohort = await at(3, { title: 'Cohort A2 dialogue', audience: cohortScope(w.cohortA2.id) });
    s.schoolB = await at(3, { title: 'Cohort B coaching', kind: 'coaching', audience: cohortScope(w.cohortB.id) });
    s.visit = await at(4, {
      title: 'Site visit to school A',
      kind: 'site_visit',
      audience: institutionScope(w.schoolA.id),
      location: 'Hall 2; east wing',
    });
    s.group = await at(5, { title: 'Coalition chat', kind: 'chats_for_change', audience: groupScope(group.id) });
    s.conference = await at(6, { title: 'Annual conference', kind: 'conference', audience: 'consortium' });
    s.plenary = await createSession(f, {
      ...dialogue(t, w),
      title: 'Opening plenary',
      kind: 'community_of_practice',
      audience: 'consortium',
      parentId: s.conference.id,
      startsAt: fromNow(t, 6 * DAY + HOUR),
    });
    s.declined = await at(7, { title: 'Community of practice', kind: 'community_of_practice', audience: 'consortium' });
    s.cancelled = await at(8, { title: 'Cancelled coaching', kind: 'coaching' });
    s.farAway = await at(500, { title: 'Next year’s conference', kind: 'conference', audience: 'consortium' });
    s.longAgo = await at(-40, { title: 'Kick-off', kind: 'community_of_practice', audience: 'consortium' });
    expect((await reader.client.put(`${SESSIONS}/${s.declined.id}/rsvp`, { answer: 'no' })).status).toBe(200);
    expect((await f.delete(`${SESSIONS}/${s.cancelled.id}`)).status).toBe(200);
  });
  afterAll(() => t.close());

  const range = { from: () => fromNow(t, -DAY).slice(0, 10), to: () => fromNow(t, 30 * DAY).slice(0, 10) };
  async function view(who: Person, name: string): Promise<Listed[]> {
    const response = await who.client.get(`${CALENDAR}?view=${name}&from=${range.from()}&to=${range.to()}`);
    expect(response.status).toBe(200);
    return response.body.items;
  }
  const titles = (items: Listed[]) => items.map((i) => i.title);

  it('lists my sessions: my cohort, school, groups and the consortium, not what I declined, in time order', async () => {
    const mine = await view(reader, 'mine');
    expect(titles(mine)).toEqual([
      'Cohort A dialogue',
      'Site visit to school A',
      'Coalition chat',
      'Annual conference',
      'Opening plenary',
      'Cancelled coaching',
    ]);
    const cohort = mine[0];
    // Times in UTC, with the zone the organisers planned in.
    expect(cohort).toMatchObject({ startsAt: s.cohort.startsAt, timeZone: 'Asia/Tokyo', myRsvp: null, cancelled: false });
    expect(cohort.startsAt.endsWith('Z')).toBe(true);
    expect(mine.find((i) => i.title === 'Opening plenary')!.parentId).toBe(s.conference.id);
    expect(mine.find((i) => i.title === 'Cancelled coaching')!.cancelled).toBe(true);
  });

  it('adds the sessions a person facilitates or said yes to, beyond their own audiences', async () => {
    const facilitator = titles(await view(w.platformFacilitator, 'mine'));
    expect(facilitator).toEqual(expect.arrayContaining(['Cohort A dialogue', 'Cohort A2 dialogue', 'Cohort B coaching']));
    expect((await w.leadA.client.put(`${SESSIONS}/${s.otherCohort.id}/rsvp`, { answer: 'yes' })).status).toBe(200);
    expect(titles(await view(w.leadA, 'mine'))).toContain('Cohort A2 dialogue');
  });

  it('shows the cohort view (my cohorts; every cohort to the program team) and the consortium view', async () => {
    expect(titles(await view(reader, 'cohort'))).toEqual(['Cohort A dialogue', 'Cancelled coaching']);
    expect(titles(await view(w.leadA, 'cohort'))).toEqual(['Cohort A dialogue', 'Cohort A2 dialogue', 'Cancelled coaching']);
    expect(titles(await view(w.platformFacilitator, 'cohort'))).toEqual([
      'Cohort A dialogue',
      'Cohort A2 dialogue',
      'Cohort B coaching',
      'Cancelled coaching',
    ]);
    expect(titles(await view(w.memberB, 'consortium'))).toEqual([
      'Annual conference',
      'Opening plenary',
      'Community of practice',
    ]);
  });

  it('never lists school A’s cohort session to a member of school B, nor lets them download it', async () => {
    for (const name of ['mine', 'cohort', 'consortium']) {
      const listed = titles(await view(w.memberB, name));
      expect(listed).not.toContain('Cohort A dialogue');
      expect(listed).not.toContain('Site visit to school A');
    }
    expect(titles(await view(w.memberB, 'cohort'))).toEqual(['Cohort B coaching']);
    const ics = await w.memberB.client.get(`${SESSIONS}/${s.cohort.id}/ics`);
    expect([ics.status, ics.body.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('pages through a long range and refuses ranges that are backwards, malformed or longer than 400 days', async () => {
    const first = await reader.client.get(`${CALENDAR}?from=${range.from()}&to=${range.to()}&limit=2`);
    expect(first.body.items).toHaveLength(2);
    const second = await reader.client.get(
      `${CALENDAR}?from=${range.from()}&to=${range.to()}&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(titles(second.body.items)).toEqual(['Coalition chat', 'Annual conference']);
    // By default: this calendar month (UTC).
    const month = await reader.client.get(CALENDAR);
    expect(month.status).toBe(200);
    expect(month.body.view).toBe('mine');
    expect(new Date(month.body.from).getUTCDate()).toBe(1);
    for (const [query, field] of [
      ['from=2030-01-01&to=2031-03-01', 'to'],
      ['from=2030-02-01&to=2030-01-01', 'to'],
      ['from=yesterday', 'from'],
      ['view=everyone', 'view'],
    ]) {
      const response = await reader.client.get(`${CALENDAR}?${query}`);
      expect([response.status, response.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(response.body.details[0].field).toBe(field);
    }
    expect((await reader.client.get(`${CALENDAR}?from=2030-01-01&to=2031-02-05`)).status).toBe(200);
  });

  it('downloads one session as an .ics file: escaped text, UTC times, the join link, and a SEQUENCE that grows', async () => {
    const response = await reader.client.get(`${SESSIONS}/${s.visit.id}/ics`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="site-visit-to-school-a.ics"');
    const text: string = response.text;
    expect(text.endsWith('\r\n')).toBe(true);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const lines = unfold(text).split('\r\n');
    const utc = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    expect(lines).toEqual(
      expect.arrayContaining([
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        `UID:${s.visit.id}@art-commons`,
        `DTSTART:${utc(s.visit.startsAt)}`,
        `DTEND:${utc(s.visit.endsAt)}`,
        'SUMMARY:Site visit to school A',
        'LOCATION:Hall 2\\; east wing',
        `URL:${t.config.publicUrl}/program/sessions/${s.visit.id}`,
        'STATUS:CONFIRMED',
        'SEQUENCE:0',
        'END:VCALENDAR',
      ]),
    );
    expect(lines.find((l) => l.startsWith('DTSTAMP:'))).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);

    const joined = unfold((await reader.client.get(`${SESSIONS}/${s.cohort.id}/ics`)).text);
    expect(joined).toContain('Join: https://meet.example/a?x=1\\,2');
    t.clock.advance(5_000);
    await w.platformFacilitator.client.patch(`${SESSIONS}/${s.cohort.id}`, { title: 'Cohort A dialogue' });
    const edited = unfold((await reader.client.get(`${SESSIONS}/${s.cohort.id}/ics`)).text);
    expect(Number(/SEQUENCE:(\d+)/.exec(edited)![1])).toBeGreaterThanOrEqual(5);
    const cancelled = unfold((await reader.client.get(`${SESSIONS}/${s.cancelled.id}/ics`)).text);
    expect(cancelled).toContain('STATUS:CANCELLED');
  });

  it('gives each person a secret feed URL (only its hash is stored) that calendar apps read without signing in', async () => {
    const first = await reader.client.get(`${CALENDAR}/feed`);
    expect(first.status).toBe(200);
    const url: string = first.body.url;
    expect(url).toMatch(new RegExp(`^${t.config.publicUrl}/api/v1/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    expect(first.body.webcalUrl).toBe(url.replace(/^https?:/, 'webcal:'));
    // Asked again, the same URL.
    expect((await reader.client.get(`${CALENDAR}/feed`)).body.url).toBe(url);
    const token = /calendar\/(.+)\.ics$/.exec(url)![1];
    const [stored] = await t.db.query('SELECT token_hash FROM calendar_feed WHERE user_id = $1', [reader.id]);
    expect(stored.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(token);

    const path = new URL(url).pathname;
    const feed = await request(t.url).get(path);
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const text = unfold(feed.text);
    const uids = [...text.matchAll(/UID:([0-9a-f-]+)@art-commons/g)].map((m) => m[1]);
    // Its "mine" sessions from 30 days back to a year ahead: not the declined one, not next year's, not the old kick-off.
    expect(uids.sort()).toEqual([s.cohort.id, s.visit.id, s.group.id, s.conference.id, s.plenary.id, s.cancelled.id].sort());
    expect(text).toContain('X-WR-CALNAME:ART Commons: my sessions');
    expect(text).toMatch(new RegExp(`UID:${s.cancelled.id}@art-commons[\\s\\S]*?STATUS:CANCELLED`));

    expect((await request(t.url).get('/api/v1/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics')).status).toBe(404);
    expect((await request(t.url).get('/api/v1/calendar/short.ics')).status).toBe(404);
    expect((await request(t.url).get(path.replace(/\.ics$/, '.txt'))).status).toBe(404);
  });

  it('re-checks the person’s scopes on every read of the feed, and never lists another school’s cohort session', async () => {
    const bFeed = await w.memberB.client.get(`${CALENDAR}/feed`);
    const bText = unfold((await request(t.url).get(new URL(bFeed.body.url).pathname)).text);
    expect(bText).toContain(`UID:${s.schoolB.id}@art-commons`);
    expect(bText).not.toContain(s.cohort.id);
    expect(bText).not.toContain(s.visit.id);

    const leaver = await person(t, { institutionId: w.schoolA.id, cohortIds: [w.cohortA.id] });
    const feedPath = new URL((await leaver.client.get(`${CALENDAR}/feed`)).body.url).pathname;
    expect(unfold((await request(t.url).get(feedPath)).text)).toContain(s.cohort.id);
    await t.db.query('DELETE FROM cohort_member WHERE user_id = $1', [leaver.id]);
    expect(unfold((await request(t.url).get(feedPath)).text)).not.toContain(s.cohort.id);
    // A deactivated person's feed is gone.
    await t.db.query(`UPDATE app_user SET status = 'deactivated' WHERE id = $1`, [leaver.id]);
    expect((await request(t.url).get(feedPath)).status).toBe(404);
  });

  it('rotates the feed URL: the old one stops working at once', async () => {
    const old = new URL((await reader.client.get(`${CALENDAR}/feed`)).body.url).pathname;
    const rotated = await reader.client.post(`${CALENDAR}/feed/rotate`);
    expect(rotated.status).toBe(200);
    const fresh = new URL(rotated.body.url).pathname;
    expect(fresh).not.toBe(old);
    expect((await request(t.url).get(old)).status).toBe(404);
    expect((await request(t.url).get(fresh)).status).toBe(200);
    expect((await reader.client.get(`${CALENDAR}/feed`)).body.url).toBe(rotated.body.url);
    expect((await request(t.url).get(`${CALENDAR}/feed`)).status).toBe(401);
  });
});
