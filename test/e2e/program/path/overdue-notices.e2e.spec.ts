import { JobName, JobQueue } from '@app/jobs';
import { DigestBuilder, periodKeyAt } from '@app/notifications';
import { PathDigestSource } from '@app/program';
import type { TestApp } from '../../../support/test-app';
import { notificationsOf, settled } from '../../notifications/notification-support';
import {
  activity,
  dayFrom,
  expectOk,
  newItem,
  newModule,
  person,
  PROGRAM,
  startPathWorld,
  video,
  type Person,
  type World,
} from './path-support';

describe('nudges and the digest for overdue learning-path items', () => {
  let t: TestApp;
  let w: World;
  let peer: Person;
  let leaver: Person;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ({ t, w } = await startPathWorld());
    peer = await person(t, { institutionId: w.schoolA.id, cohortIds: [w.cohortA.id] });
    leaver = await person(t, { institutionId: w.schoolA.id, cohortIds: [w.cohortA.id] });
    const m1 = await newModule(w.admin.client, { phase: 1 });
    const m2 = await newModule(w.admin.client, { phase: 2 });
    ids.video = (await newItem(w.admin.client, m1.id, video('Overdue video'))).id;
    ids.activity = (await newItem(w.admin.client, m1.id, activity('Overdue activity'))).id;
    ids.optional = (await newItem(w.admin.client, m1.id, { ...video('Optional extra'), required: false })).id;
    ids.later = (await newItem(w.admin.client, m2.id, video('Not yet due'))).id;
    // Phase 1 ended yesterday in cohort A; phase 2 ends in a week. Cohorts A2 and B have no dates at all.
    await expectOk(
      w.leadA.client.put(`${PROGRAM}/cohorts/${w.cohortA.id}/phase-dates`, {
        dates: [
          { phase: 1, startsOn: dayFrom(t, -40), endsOn: dayFrom(t, -1) },
          { phase: 2, startsOn: dayFrom(t, 0), endsOn: dayFrom(t, 7) },
        ],
      }),
    );
    await expectOk(w.memberA.client.post(`${PROGRAM}/items/${ids.video}/complete`));
    await t.db.query('DELETE FROM cohort_member WHERE user_id = $1', [leaver.id]);
  });
  afterAll(() => t?.close());

  const nudge = async () => {
    await t.app.get(JobQueue).enqueue(JobName.ProgramOverdueNudges, {});
    await settled(t);
  };
  const overdueOf = async (who: Person) =>
    (await notificationsOf(who.client)).items.filter((n) => n.kind === 'program_item_overdue');
  /** The digest's plain-text section about the path: from its heading to the blank line that ends it. */
  const pathSection = (text: string) => {
    const start = text.indexOf('Overdue on your learning path\n');
    return start < 0 ? '' : text.slice(start, text.indexOf('\n\n', start));
  };
  const longDate = (day: string) =>
    new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  const rowsOf = (who: Person) =>
    t.db.query(`SELECT count, url FROM notification WHERE user_id = $1 AND kind = 'program_item_overdue'`, [who.id]);

  it('nudges each member once per overdue required item, and nobody for done, optional or not-yet-due items', async () => {
    await nudge();
    await nudge();
    const [a, ...moreA] = await overdueOf(w.memberA);
    expect(moreA).toEqual([]);
    expect(a).toMatchObject({
      text: '“Overdue activity” on your learning path is overdue',
      count: 1,
      url: `/program/items/${ids.activity}`,
    });

    const [p] = await overdueOf(peer);
    // Both of the peer's overdue items, in one line that counts them.
    expect(p.count).toBe(2);
    expect(p.text).toMatch(/^2 required items on your learning path are overdue/);

    for (const outside of [w.otherA, w.memberB, leaver, w.leadA, w.admin]) expect(await rowsOf(outside)).toEqual([]);
  });

  it('does not nudge again once told, even after the notification is read, and stops for items done since', async () => {
    await t.db.query(`UPDATE notification SET read_at = now() WHERE kind = 'program_item_overdue'`);
    await nudge();
    expect(await rowsOf(w.memberA)).toHaveLength(1);
    expect(await rowsOf(peer)).toHaveLength(1);

    // A week later, phase 2 is overdue too: only the new item is told.
    t.clock.advance(8 * 86_400_000);
    try {
      await expectOk(
        peer.client.put(`${PROGRAM}/items/${ids.activity}/response`, { response: 'Done now', sharedWithCohort: false }),
      );
      await nudge();
      const unread = await t.db.query(
        `SELECT count, url FROM notification WHERE user_id = $1 AND kind = 'program_item_overdue' AND read_at IS NULL`,
        [peer.id],
      );
      expect(unread).toEqual([{ count: 1, url: `/program/items/${ids.later}` }]);
    } finally {
      t.clock.reset();
    }
  });

  it('lists overdue items in the digest, newly overdue ones as news, and nothing done or outside the cohort', async () => {
    const build = async (who: Person) => {
      const outcome = await t.app.get(DigestBuilder).build(who.id, periodKeyAt(t.clock.now(), 'UTC', 'daily'));
      const [mail] = await t.db.query(`SELECT subject, text, html FROM outgoing_mail WHERE user_id = $1 AND purpose = 'digest'`, [
        who.id,
      ]);
      return { outcome, mail: mail as { subject: string; text: string; html: string } | undefined };
    };
    const mine = await build(w.memberA);
    expect(mine.outcome).toBe('sent');
    const section = pathSection(mine.mail!.text);
    expect(section).toContain('Overdue activity');
    expect(section).toContain(`/program/items/${ids.activity}`);
    expect(section).toContain(`Due ${longDate(dayFrom(t, -1))}`);
    expect(section).not.toContain('Overdue video');
    expect(section).not.toContain('Optional extra');
    expect(section).not.toContain('Not yet due');
    expect(mine.mail!.html).toContain('Overdue on your learning path');

    const peers = pathSection((await build(peer)).mail!.text);
    expect(peers).toContain('Overdue video');
    expect(peers).toContain('Overdue activity');

    // News only when it became overdue since the last digest (at the start of the day after its due date).
    const source = t.app.get(PathDigestSource);
    const today = dayFrom(t, 0);
    const twoDaysAgo = new Date(t.clock.now().getTime() - 2 * 86_400_000);
    expect(await source.overdue(peer.id, { today, since: twoDaysAgo, limit: 10 })).toEqual(
      [
        { id: ids.video, title: 'Overdue video', dueOn: dayFrom(t, -1), isNew: true },
        { id: ids.activity, title: 'Overdue activity', dueOn: dayFrom(t, -1), isNew: true },
      ].sort((a, b) => a.title.localeCompare(b.title)),
    );
    expect((await source.overdue(peer.id, { today, since: t.clock.now(), limit: 10 })).map((i) => i.isNew)).toEqual([
      false,
      false,
    ]);

    for (const outside of [w.otherA, w.memberB, leaver]) {
      const { mail } = await build(outside);
      expect(mail?.text ?? '').not.toContain('Overdue on your learning path');
    }
  });
});
