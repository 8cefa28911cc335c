/// <reference lib="dom" />
import { buildCohort, buildInstitution, buildUser } from '@app/testing';
import { personSignedIn, startTestApp, type TestApp } from '../support/test-app';
import { describeInBrowser, openBrowser, type OpenBrowser } from './browser-support';
import { signIn } from './knowledge-browser-support';

const PROGRAM = '/api/v1/program';
const day = (t: TestApp, days: number) => new Date(t.clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);

describeInBrowser('change monitoring in Chromium', () => {
  let t: TestApp;
  let leadBrowser: OpenBrowser;
  let outsiderBrowser: OpenBrowser;
  beforeAll(async () => {
    t = await startTestApp();
    leadBrowser = await openBrowser();
    outsiderBrowser = await openBrowser();
  });
  afterAll(async () => {
    await outsiderBrowser?.close();
    await leadBrowser?.close();
    await t?.close();
  });

  it('a school lead records a measurement and the chart gains a point; another school’s member finds nothing there', async () => {
    const schoolA = await buildInstitution(t.db, { name: 'Riverside School of Medicine' });
    const schoolB = await buildInstitution(t.db, { name: 'Hillcrest Medical College' });
    const cohortA = await buildCohort(t.db, schoolA.id);
    const lead = await personSignedIn(t, { institutionId: schoolA.id, schoolLead: true, displayName: 'Lena Lead', cohortIds: [cohortA.id] });
    const outsider = await buildUser(t.db, { institutionId: schoolB.id, displayName: 'Omar Outsider' });

    // A target with one indicator and two earlier measurements, set up through the API.
    const target = await lead.client.post(`${PROGRAM}/schools/${schoolA.id}/targets`, {
      title: 'Retire race-based eGFR',
      ownerId: lead.id,
      sphere: 'curriculum',
      category: 'structural',
      status: 'in_progress',
      startsOn: day(t, -90),
      dueOn: day(t, 90),
      plan: { stakeholderAnalysis: 'The **renal teaching team** owns the cases.' },
    });
    expect(target.status).toBe(201);
    const indicator = await lead.client.post(`${PROGRAM}/targets/${target.body.id}/indicators`, {
      name: 'Cases using the race-free equation',
      unit: '%',
      baseline: 10,
      targetValue: 100,
      direction: 'increase',
    });
    for (const [days, value] of [[-60, 25], [-30, 40]]) {
      expect((await lead.client.post(`${PROGRAM}/indicators/${indicator.body.id}/measurements`, { measuredOn: day(t, days), value, unit: '%' })).status).toBe(201);
    }

    // The lead's /change is their school's dashboard; the target opens from there.
    const page = await leadBrowser.context.newPage();
    await signIn(page, t.url, lead, 'Lena Lead');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Change' }).click();
    await page.getByRole('heading', { level: 1, name: 'Change at Riverside School of Medicine' }).waitFor();
    await page.getByRole('link', { name: 'Retire race-based eGFR' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Retire race-based eGFR' }).waitFor();
    await page.locator('.post-body strong', { hasText: 'renal teaching team' }).waitFor();

    const card = page.locator('.indicator-card', { hasText: 'Cases using the race-free equation' });
    const chart = card.getByRole('img', { name: 'Cases using the race-free equation' });
    await chart.waitFor();
    expect(await card.locator('.chart-point').count()).toBe(2);
    await card.locator('.indicator-latest', { hasText: '40 %' }).waitFor();

    // Recording a measurement: the unit is already filled in.
    const form = card.getByRole('form', { name: 'Record a measurement of Cases using the race-free equation' });
    expect(await form.getByLabel('Unit', { exact: true }).inputValue()).toBe('%');
    await form.getByLabel('Value', { exact: true }).fill('62.5');
    await form.getByLabel('Note', { exact: true }).fill('Audit after the spring term');
    await form.getByLabel('Evidence link', { exact: true }).fill('https://intranet.example.org/renal-audit');
    await form.getByRole('button', { name: 'Record measurement' }).click();
    await form.getByRole('status').filter({ hasText: 'Measurement recorded.' }).waitFor();
    await card.locator('.indicator-latest', { hasText: '62.5 %' }).waitFor();
    expect(await card.locator('.chart-point').count()).toBe(3);
    // The picture's description and the table behind it name the new point too.
    await card.locator('desc', { hasText: '3 measurements' }).waitFor({ state: 'attached' });
    await card.locator('table.visually-hidden td', { hasText: '62.5' }).waitFor({ state: 'attached' });

    // A wrong unit is refused with the server's explanation, and the chart keeps its points.
    await form.getByLabel('Unit', { exact: true }).fill('percent');
    await form.getByLabel('Value', { exact: true }).fill('70');
    await form.getByRole('button', { name: 'Record measurement' }).click();
    await form.getByRole('alert').filter({ hasText: 'measured in %' }).waitFor();
    expect(await card.locator('.chart-point').count()).toBe(3);
    const targetUrl = page.url();
    await page.close();

    // A member of another school: neither the target nor the school's dashboard exists for them.
    const other = await outsiderBrowser.context.newPage();
    await signIn(other, t.url, outsider, 'Omar Outsider');
    await other.goto(targetUrl);
    await other.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(await other.getByText('Retire race-based eGFR').count()).toBe(0);
    await other.goto(`${t.url}/change/schools/${schoolA.id}`);
    await other.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(await other.getByText('Riverside School of Medicine').count()).toBe(0);
    await other.close();
  }, 60_000);
});
