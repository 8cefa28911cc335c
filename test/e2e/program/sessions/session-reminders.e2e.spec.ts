import { JobName, JobQueue } from '@app/jobs';
import { startSmtpSink, type SmtpSink } from '../../../support/smtp-sink';
import type { TestApp } from '../../../support/test-app';
import { notificationsOf, settled } from '../../notifications/notification-support';
import {
  createSession,
  DAY,
  dialogue,
  fromNow,
  HOUR,
  person,
  SESSIONS,
  startSessionsWorld,
  type Person,
  type World,
} from './sessions-support';

describe('session reminders a day and an hour before', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    sink = await startSmtpSink();
    // Immediate mails wait ten minutes unseen by default; reminders must not.
    ({ t, w } = await startSessionsWorld({ SMTP_URL: sink.url, MAIL_IMMEDIATE_DELAY_SECONDS: '600' }));
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  const sweep = async () => {
    await t.app.get(JobQueue).enqueue(JobName.SessionReminders, {});
    await settled(t);
  };
  /** What was written at all, unfiltered by scope: one row per reminder, with its window. */
  const reminders = (who: Person, sessionId: string) =>
    t.db.query(
      `SELECT detail, count FROM notification WHERE user_id = $1 AND kind = 'session_reminder' AND url = $2 ORDER BY created_at`,
      [who.id, `/program/sessions/${sessionId}`],
    ) as Promise<{ detail: string; count: number }[]>;
  const mailTo = (who: Person, text: string) =>
    sink.waitFor((m) => JSON.stringify(m.to).includes(who.email) && (m.subject ?? '').includes(text), 15_000);

  it('reminds who is expected, once per window, by email at reminder time; never for a cancelled session or someone out of scope', async () => {
    const declined = await person(t, { institutionId: w.schoolA.id, cohortIds: [w.cohortA.id] });
    const leaver = await person(t, { institutionId: w.schoolA.id, cohortIds: [w.cohortA.id] });
    const session = await createSession(
      w.platformFacilitator.client,
      dialogue(t, w, { title: 'Dialogue on belonging', startsAt: fromNow(t, 2 * DAY) }),
    );
    const plenary = await createSession(w.platformFacilitator.client, {
      ...dialogue(t, w),
      kind: 'community_of_practice',
      title: 'Consortium practice circle',
      audience: 'consortium',
      startsAt: fromNow(t, 2 * DAY),
    });
    const cancelled = await createSession(
      w.platformFacilitator.client,
      dialogue(t, w, { title: 'Called off', startsAt: fromNow(t, 2 * DAY) }),
    );
    const answer = (who: Person, id: string, value: string) => who.client.put(`${SESSIONS}/${id}/rsvp`, { answer: value });
    expect((await answer(declined, session.id, 'no')).status).toBe(200);
    expect((await answer(w.leadA, session.id, 'maybe')).status).toBe(200);
    expect((await answer(leaver, session.id, 'yes')).status).toBe(200);
    expect((await answer(w.memberB, plenary.id, 'yes')).status).toBe(200);
    expect((await answer(w.memberA, cancelled.id, 'yes')).status).toBe(200);
    expect((await w.platformFacilitator.client.delete(`${SESSIONS}/${cancelled.id}`)).status).toBe(200);
    // The leaver said yes, then left the cohort: they can no longer read the session.
    await t.db.query('DELETE FROM cohort_member WHERE user_id = $1', [leaver.id]);

    // Two days out: nothing is due yet.
    await sweep();
    expect(await reminders(w.memberA, session.id)).toEqual([]);

    // 23 hours before.
    t.clock.advance(25 * HOUR);
    await sweep();
    await sweep();
    // The cohort (minus who declined), the one who said maybe, the facilitator.
    for (const who of [w.memberA, w.leadA, w.platformFacilitator])
      expect(await reminders(who, session.id)).toEqual([{ detail: 'day', count: 1 }]);
    for (const who of [declined, leaver, w.otherA, w.memberB]) expect(await reminders(who, session.id)).toEqual([]);
    // A consortium session reminds who said yes, not the whole consortium.
    expect(await reminders(w.memberB, plenary.id)).toEqual([{ detail: 'day', count: 1 }]);
    expect(await reminders(w.memberA, plenary.id)).toEqual([]);
    expect(await reminders(w.memberA, cancelled.id)).toEqual([]);

    const dayMail = await mailTo(w.memberA, 'Dialogue on belonging');
    expect(dayMail.subject).toBe('“Dialogue on belonging” starts tomorrow');
    expect(dayMail.text).toContain(`/program/sessions/${session.id}`);
    const [shown] = (await notificationsOf(w.memberA.client)).items.filter((n) => n.kind === 'session_reminder');
    expect(shown).toMatchObject({ text: '“Dialogue on belonging” starts tomorrow', url: `/program/sessions/${session.id}` });

    // Half an hour before: the hour reminder, once, and its own email.
    t.clock.advance(22.5 * HOUR);
    await sweep();
    await sweep();
    expect(await reminders(w.memberA, session.id)).toEqual([
      { detail: 'day', count: 1 },
      { detail: 'hour', count: 1 },
    ]);
    expect(await reminders(declined, session.id)).toEqual([]);
    const hourMail = await mailTo(w.memberA, 'starts in an hour');
    expect(hourMail.subject).toBe('“Dialogue on belonging” starts in an hour');
    await mailTo(w.memberB, 'Consortium practice circle');
    await settled(t);
    const toMemberA = sink.messages.filter((m) => JSON.stringify(m.to).includes(w.memberA.email));
    expect(toMemberA.map((m) => m.subject)).toEqual([
      '“Dialogue on belonging” starts tomorrow',
      '“Dialogue on belonging” starts in an hour',
    ]);
    expect(sink.messages.some((m) => JSON.stringify(m.to).includes(declined.email))).toBe(false);
  }, 60_000);
});
