/// <reference lib="dom" />
import { createSession, dialogue, startSessionsWorld, type World } from '../e2e/program/sessions/sessions-support';
import type { TestApp } from '../support/test-app';
import { describeInBrowser, openBrowser, type OpenBrowser } from './browser-support';
import { signIn } from './knowledge-browser-support';

describeInBrowser('program sessions in Chromium', () => {
  let t: TestApp;
  let w: World;
  let memberBrowser: OpenBrowser;
  let facilitatorBrowser: OpenBrowser;
  beforeAll(async () => {
    ({ t, w } = await startSessionsWorld());
    memberBrowser = await openBrowser();
    facilitatorBrowser = await openBrowser();
  });
  afterAll(async () => {
    await facilitatorBrowser?.close();
    await memberBrowser?.close();
    await t?.close();
  });

  it('lets a member answer Yes on a session page and find it on the calendar; a facilitator marks attendance', async () => {
    // Soon, so it falls in the month the calendar opens on (moved on below when the month is about to turn).
    const startsAt = new Date(Date.now() + 30 * 60_000);
    const session = await createSession(
      w.platformFacilitator.client,
      dialogue(t, w, { title: 'Dialogue on belonging', startsAt: startsAt.toISOString(), agenda: '1. **Check-in**\n2. Stories' }),
    );

    const page = await memberBrowser.context.newPage();
    await signIn(page, t.url, w.memberA, w.memberA.displayName);
    await page.goto(`${t.url}/program/sessions/${session.id}`);
    await page.getByRole('heading', { level: 1, name: 'Dialogue on belonging' }).waitFor();
    await page.locator('.post-body strong', { hasText: 'Check-in' }).waitFor();
    await page.getByRole('link', { name: 'Add to calendar (.ics)' }).waitFor();
    const yes = page.getByRole('button', { name: 'Yes', exact: true });
    await yes.click();
    await page.getByRole('status').filter({ hasText: 'Your answer is saved.' }).waitFor();
    expect(await yes.getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('button', { name: 'No', exact: true }).getAttribute('aria-pressed')).toBe('false');
    await page.getByText('1 going · 0 maybe · 0 not going').waitFor();

    // The calendar, from the main navigation: My sessions lists it with the answer.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Calendar' }).waitFor();
    const monthOfSession = await page.evaluate((iso) => new Date(iso).getMonth(), session.startsAt);
    if (monthOfSession !== (await page.evaluate(() => new Date().getMonth())))
      await page.getByRole('button', { name: 'Next month' }).click();
    const entry = page.locator('li', { has: page.getByRole('link', { name: 'Dialogue on belonging' }) });
    await entry.waitFor();
    await entry.locator('.badge', { hasText: 'Going' }).waitFor();
    expect(await page.getByRole('link', { name: 'My sessions' }).getAttribute('aria-current')).toBe('page');
    // Subscribing shows the secret feed link.
    await page.getByRole('button', { name: 'Subscribe' }).click();
    const feedUrl = await page.getByLabel('Your calendar link', { exact: true }).inputValue();
    expect(feedUrl).toMatch(/\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    await page.close();

    // The facilitator ticks the member off the attendance checklist.
    const facilitator = await facilitatorBrowser.context.newPage();
    await signIn(facilitator, t.url, w.platformFacilitator, w.platformFacilitator.displayName);
    await facilitator.goto(`${t.url}/program/sessions/${session.id}`);
    await facilitator.getByRole('heading', { level: 2, name: 'Attendance' }).waitFor();
    await facilitator.getByRole('checkbox', { name: w.memberA.displayName }).check();
    await facilitator.getByRole('button', { name: 'Save attendance' }).click();
    await facilitator.getByRole('status').filter({ hasText: 'Attendance saved.' }).waitFor();
    const rows = await t.db.query('SELECT user_id AS "userId", attended FROM program_session_attendance WHERE session_id = $1', [
      session.id,
    ]);
    expect(rows).toEqual(expect.arrayContaining([{ userId: w.memberA.id, attended: true }]));
    await facilitator.reload();
    expect(await facilitator.getByRole('checkbox', { name: w.memberA.displayName }).isChecked()).toBe(true);
    await facilitator.close();
  }, 60_000);

  it('lets a facilitator set up a session: the kind fills in its usual length, times read in the chosen zone', async () => {
    const page = await facilitatorBrowser.context.newPage();
    await page.goto(`${t.url}/calendar`);
    await page.getByRole('link', { name: 'New session' }).click();
    await page.getByRole('heading', { level: 1, name: 'New session' }).waitFor();
    await page.getByLabel('Title', { exact: true }).fill('Community of practice: curriculum');
    await page.getByLabel('Kind', { exact: true }).selectOption('community_of_practice');
    await page.getByLabel('Who it is for', { exact: true }).selectOption('consortium');
    await page.getByLabel('Time zone', { exact: true }).selectOption('America/New_York');
    await page.getByLabel('Starts at', { exact: true }).fill('2030-03-12T09:30');
    expect(await page.getByLabel('Ends at', { exact: true }).inputValue()).toBe('2030-03-12T10:30');
    await page.getByLabel('Kind', { exact: true }).selectOption('conference');
    expect(await page.getByLabel('Ends at', { exact: true }).inputValue()).toBe('2030-03-12T17:30');
    await page.getByLabel('Kind', { exact: true }).selectOption('community_of_practice');
    await page.getByLabel('Who it is for', { exact: true }).selectOption('consortium');
    await page.getByRole('button', { name: 'Create session' }).click();
    await page.getByRole('heading', { level: 1, name: 'Community of practice: curriculum' }).waitFor();
    const [row] = await t.db.query(
      `SELECT starts_at AS "startsAt", ends_at AS "endsAt", time_zone AS "timeZone" FROM program_session WHERE title = $1`,
      ['Community of practice: curriculum'],
    );
    // 9:30 in New York in March 2030 (daylight saving time, UTC-4) is 13:30 UTC.
    expect(row).toEqual({
      startsAt: new Date('2030-03-12T13:30:00Z'),
      endsAt: new Date('2030-03-12T14:30:00Z'),
      timeZone: 'America/New_York',
    });
    await page.close();
  }, 60_000);
});
