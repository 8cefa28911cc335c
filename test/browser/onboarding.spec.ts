/// <reference lib="dom" />
import { buildCohort, buildInstitution, buildUser } from '@app/testing';
import type { Page } from 'playwright-core';
import { personSignedIn, startTestApp, type TestApp } from '../support/test-app';
import { describeInBrowser, openBrowser, type OpenBrowser } from './browser-support';

async function signInThroughTheForm(page: Page, url: string, email: string, password: string) {
  await page.goto(`${url}/signin`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describeInBrowser('the web client in Chromium', () => {
  let t: TestApp;
  let browser: OpenBrowser;
  beforeAll(async () => {
    t = await startTestApp();
    browser = await openBrowser();
  });
  // Each test is a different person: no session carries over from the one before.
  beforeEach(() => browser.context.clearCookies());
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('signs a person in and shows who they are, their school and cohort', async () => {
    const school = await buildInstitution(t.db, { name: 'Riverside School of Medicine' });
    const cohort = await buildCohort(t.db, school.id, { name: 'Cohort 2026' });
    const person = await buildUser(t.db, { displayName: 'Amara Nwosu', institutionId: school.id, cohortIds: [cohort.id] });
    const page = await browser.context.newPage();
    await page.goto(`${t.url}/members`);
    // Signed-out visitors are sent to sign in first.
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByLabel('Email', { exact: true }).fill(person.email);
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Email or password is not correct').waitFor();
    await page.getByLabel('Password', { exact: true }).fill(person.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/members/);
    await page.goto(`${t.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Welcome, Amara Nwosu' }).waitFor();
    await page.getByText('Riverside School of Medicine').first().waitFor();
    await page.getByText('Cohort 2026').first().waitFor();
    await page.close();
  });

  it('accepts an invitation: sets a password and profile, and lands signed in', async () => {
    const school = await buildInstitution(t.db, { name: 'Northfield College of Medicine' });
    const cohort = await buildCohort(t.db, school.id, { name: 'Northfield 2026' });
    const admin = await personSignedIn(t, { platformRole: 'admin' });
    const invitation = await admin.client.post('/api/v1/invitations', {
      email: 'hana@northfield.test',
      displayName: 'Hana Yazzie',
      institutionId: school.id,
      cohortId: cohort.id,
      schoolRole: 'student',
    });
    expect(invitation.status).toBe(201);
    const path = new URL(invitation.body.acceptUrl).pathname;

    const page = await browser.context.newPage();
    await page.goto(`${t.url}${path}`);
    await page.getByRole('heading', { level: 1, name: 'Accept your invitation' }).waitFor();
    // The invitation's details load after the heading renders.
    await page.getByText('Northfield College of Medicine').first().waitFor();
    await page.getByLabel('Display name', { exact: true }).fill('Hana Yazzie');
    await page.getByLabel('Pronouns', { exact: true }).fill('she/her');
    await page.getByLabel('Areas of expertise', { exact: true }).fill('Indigenous health, curriculum');
    await page.getByLabel('Password', { exact: true }).fill('a strong password 42');
    await page.getByLabel('Confirm password', { exact: true }).fill('a strong password 42');
    await page.getByRole('button', { name: 'Join ART Commons' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome, Hana Yazzie' }).waitFor();
    await page.getByText('Northfield 2026').first().waitFor();

    // The link is single use: opening it again says so.
    const again = await browser.context.newPage();
    await again.goto(`${t.url}${path}`);
    await again.getByRole('heading', { level: 1, name: /already been used/ }).waitFor();
    await again.close();
    await page.close();
  });

  it('invites a school from CSV and reports each row', async () => {
    const school = await buildInstitution(t.db, { name: 'Lakeshore University Medical School' });
    await buildCohort(t.db, school.id, { name: 'Lakeshore 2026' });
    await buildUser(t.db, { email: 'taken@lakeshore.test', institutionId: school.id });
    const admin = await buildUser(t.db, { platformRole: 'admin', displayName: 'Consortium Admin' });
    const page = await browser.context.newPage();
    await signInThroughTheForm(page, t.url, admin.email, admin.password);
    await page.getByRole('heading', { level: 1, name: 'Welcome, Consortium Admin' }).waitFor();
    await page.goto(`${t.url}/admin/invitations`);
    await page.getByRole('heading', { level: 1, name: 'Invitations' }).waitFor();
    await page.getByLabel('School for these invitations').selectOption({ label: 'Lakeshore University Medical School' });
    await page
      .getByLabel('CSV text')
      .fill(
        [
          'email,name,school_role,cohort',
          'grace@lakeshore.test,Grace Kim,leadership,Lakeshore 2026',
          'tomas@lakeshore.test,"Rivera, Tomás",student,',
          'not-an-email,Nobody,student,',
          'taken@lakeshore.test,Already Here,faculty,',
          'pat@lakeshore.test,Pat Doe,janitor,',
        ].join('\n'),
      );
    await page.getByRole('button', { name: 'Send invitations' }).click();
    // The sent-invitations list has rows too (pending, accepted…); the report's rows are created or rejected.
    await page.locator('tr[data-status="rejected"]').nth(2).waitFor();
    const created = page.locator('tr[data-status="created"]');
    const rejected = page.locator('tr[data-status="rejected"]');
    expect(await created.count()).toBe(2);
    expect(await rejected.count()).toBe(3);
    expect(await rejected.allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('not-an-email'), expect.stringContaining('taken@lakeshore.test')]),
    );
    const [{ count }] = await t.db.query("SELECT count(*)::int AS count FROM invitation WHERE email LIKE '%@lakeshore.test'");
    expect(count).toBe(2);
    await page.close();
  });

  it('fits a phone: no sideways scrolling at 360 px, and the skip link is the first keyboard stop', async () => {
    const person = await buildUser(t.db, { displayName: 'Lee Chen' });
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await signInThroughTheForm(page, t.url, person.email, person.password);
    await page.getByRole('heading', { level: 1, name: 'Welcome, Lee Chen' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Focus moves to the page heading after navigation; from the top of the document, the first stop is the skip link.
    const firstStop = await page.evaluate(() =>
      document
        .querySelector<HTMLElement>('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')
        ?.textContent?.trim(),
    );
    expect(firstStop).toMatch(/skip/i);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.close();
  });
});
