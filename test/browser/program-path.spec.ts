/// <reference lib="dom" />
import { buildCohort, buildInstitution, buildUser } from '@app/testing';
import { activity, dayFrom, expectOk, newItem, newModule, person, PROGRAM, video } from '../e2e/program/path/path-support';
import { startTestApp, type TestApp } from '../support/test-app';
import { describeInBrowser, openBrowser, type OpenBrowser } from './browser-support';
import { signIn } from './knowledge-browser-support';

describeInBrowser('the learning path in Chromium', () => {
  let t: TestApp;
  let memberBrowser: OpenBrowser;
  let facilitatorBrowser: OpenBrowser;
  beforeAll(async () => {
    t = await startTestApp();
    memberBrowser = await openBrowser();
    facilitatorBrowser = await openBrowser();
  });
  afterAll(async () => {
    await facilitatorBrowser?.close();
    await memberBrowser?.close();
    await t?.close();
  });

  it('lets a member work through a module and a facilitator follow their progress', async () => {
    const school = await buildInstitution(t.db);
    const cohort = await buildCohort(t.db, school.id, { name: 'Cohort Aurora' });
    const member = await buildUser(t.db, { displayName: 'Maya Member', institutionId: school.id, cohortIds: [cohort.id] });
    const peer = await person(t, { displayName: 'Priya Peer', institutionId: school.id, cohortIds: [cohort.id] });
    const lead = await buildUser(t.db, { displayName: 'Lena Lead', institutionId: school.id, schoolLead: true });
    const admin = await person(t, { platformRole: 'admin' });
    const welcome = await newModule(admin.client, { phase: 1, title: 'Welcome to the program' });
    await newItem(admin.client, welcome.id, {
      ...video('Why anti-racism in medicine'),
      body: 'Transcript: **history** matters.',
    });
    const activityItem = await newItem(admin.client, welcome.id, activity('Map your school'));
    await expectOk(admin.client.put(`${PROGRAM}/cohorts/${cohort.id}/phase`, { currentPhase: 1 }));
    await expectOk(
      admin.client.put(`${PROGRAM}/cohorts/${cohort.id}/phase-dates`, {
        dates: [{ phase: 1, startsOn: dayFrom(t, -7), endsOn: dayFrom(t, 30) }],
      }),
    );
    await expectOk(
      peer.client.put(`${PROGRAM}/items/${activityItem.id}/response`, {
        response: 'Our clerkships need work.',
        sharedWithCohort: true,
      }),
    );

    // The member opens the path from the main navigation; the cohort's current phase stands out.
    const page = await memberBrowser.context.newPage();
    page.setDefaultTimeout(10_000);
    await signIn(page, t.url, member, 'Maya Member');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Program' }).click();
    await page.getByRole('heading', { level: 1, name: 'Learning path' }).waitFor();
    await page.getByText('Your cohort: Cohort Aurora', { exact: false }).waitFor();
    const phaseOne = page.getByRole('region', { name: /Phase 1: Onboarding & readiness assessment/ });
    await phaseOne.getByText('Current phase', { exact: true }).waitFor();
    await phaseOne.getByRole('progressbar', { name: 'Your progress in phase 1' }).waitFor();

    // A video: watched, then marked done.
    await page.getByRole('link', { name: 'Why anti-racism in medicine' }).click();
    await page.getByRole('heading', { level: 1, name: 'Why anti-racism in medicine' }).waitFor();
    await page.getByRole('link', { name: /Watch the video/ }).waitFor();
    await page.locator('.path-body strong', { hasText: 'history' }).waitFor();
    await page.getByRole('button', { name: 'Mark done' }).click();
    await page.getByRole('status').filter({ hasText: 'Marked as done.' }).waitFor();
    await page.locator('.path-status', { hasText: 'Done' }).waitFor();

    // An activity: the peer's shared response is there; the member writes, shares and completes their own.
    await page.getByRole('link', { name: 'Learning path' }).click();
    await page.getByRole('link', { name: 'Map your school' }).click();
    await page.getByRole('heading', { level: 1, name: 'Map your school' }).waitFor();
    await page.getByRole('region', { name: 'Shared by your cohort' }).getByText('Our clerkships need work.').waitFor();
    // Nothing to mark done before a response is saved.
    expect(await page.getByRole('button', { name: 'Mark done' }).isDisabled()).toBe(true);
    await page.getByLabel('Response', { exact: true }).fill('We teach **race-based** eGFR in year two.');
    await page.getByLabel('Share with my cohort', { exact: true }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'saved and shared with your cohort' }).waitFor();
    await page.getByRole('button', { name: 'Mark done' }).click();
    await page.getByRole('status').filter({ hasText: 'Marked as done.' }).waitFor();

    // Back on the path, both items of the module are done.
    await page.getByRole('link', { name: 'Learning path' }).click();
    const items = page.getByRole('list', { name: 'Items in Welcome to the program' });
    await items
      .getByRole('listitem')
      .filter({ hasText: 'Why anti-racism in medicine' })
      .locator('.path-status', { hasText: 'Done' })
      .waitFor();
    await items
      .getByRole('listitem')
      .filter({ hasText: 'Map your school' })
      .locator('.path-status', { hasText: 'Done' })
      .waitFor();
    await page.getByText('2 of 2 required items done').first().waitFor();

    // The school lead, who facilitates the cohort, sees the member's progress and response.
    const lens = await facilitatorBrowser.context.newPage();
    lens.setDefaultTimeout(10_000);
    await signIn(lens, t.url, lead, 'Lena Lead');
    await lens.goto(`${t.url}/program`);
    await lens.getByRole('navigation', { name: 'Cohorts you facilitate' }).getByRole('link', { name: 'Cohort Aurora' }).click();
    await lens.getByRole('heading', { level: 1, name: 'Cohort Aurora: learning path' }).waitFor();
    const row = lens.getByRole('row').filter({ has: lens.getByRole('rowheader', { name: 'Maya Member' }) });
    await row.getByRole('cell', { name: '2 of 2' }).waitFor();
    expect(await row.locator('.path-cell-done').count()).toBe(2);
    await lens.getByRole('region', { name: 'Activity responses' }).locator('strong', { hasText: 'race-based' }).waitFor();

    // The lead moves the cohort on to phase 2.
    await lens.getByLabel('Phase the cohort is in', { exact: true }).selectOption('2');
    await lens.getByRole('button', { name: 'Set phase' }).click();
    await lens.getByRole('status').filter({ hasText: 'The cohort is now in phase 2.' }).waitFor();
    expect((await t.db.query('SELECT current_phase FROM cohort WHERE id = $1', [cohort.id]))[0].current_phase).toBe(2);
  }, 90_000);
});
