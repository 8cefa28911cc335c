/// <reference lib="dom" />
import { buildCohort, buildInstitution } from '@app/testing';
import { answer, assessmentPathItem, publishedInstrument, validAnswers } from '../e2e/program/assessments/assessments-support';
import { person } from '../e2e/forum/forum-support';
import { startTestApp, type TestApp } from '../support/test-app';
import { describeInBrowser, openBrowser, type OpenBrowser } from './browser-support';
import { signIn } from './knowledge-browser-support';

describeInBrowser('readiness assessments in Chromium', () => {
  let t: TestApp;
  let browser: OpenBrowser;
  beforeAll(async () => {
    t = await startTestApp();
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lets a member take an assessment, see their score over time, and have the path item done', async () => {
    const schoolA = await buildInstitution(t.db);
    const cohortA = await buildCohort(t.db, schoolA.id);
    const admin = await person(t, { platformRole: 'admin' });
    const member = await person(t, { institutionId: schoolA.id, cohortIds: [cohortA.id], displayName: 'Nia Member' });
    const instrument = await publishedInstrument(admin.client);
    const { itemId } = await assessmentPathItem(t, instrument.id);

    const page = await browser.context.newPage();
    await signIn(page, t.url, member, 'Nia Member');
    await page.goto(`${t.url}/assessments`);
    await page.getByRole('heading', { level: 1, name: 'Readiness assessments' }).waitFor();
    await page.getByText('You have not answered an assessment yet.').waitFor();
    await page.getByRole('link', { name: `Take ${instrument.title}` }).click();
    await page.getByRole('heading', { level: 1, name: instrument.title }).waitFor();

    // A required question left out is named beside the question, and nothing is sent.
    await page.getByRole('radiogroup', { name: 'I can name racism where I study without fear' }).getByLabel('4 – Agree').check();
    await page.getByRole('button', { name: 'Submit answers' }).click();
    const heard = page.getByRole('radiogroup', { name: 'Concerns about racism are acted on' });
    await heard.getByText('Please answer this question.').waitFor();

    await heard.getByLabel('2 – Disagree').check();
    await page.getByRole('radiogroup', { name: 'Your role' }).getByLabel('Student').check();
    await page.getByRole('group', { name: 'Tools you have used (optional)' }).getByLabel('Curriculum audit').check();
    await page.getByLabel('Anything else', { exact: true }).fill('We started last spring.');
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await page.getByRole('heading', { name: 'Your score' }).waitFor();
    await page.getByText('3 of 5').waitFor();
    expect(await page.getByRole('link', { name: 'Back to the program' }).getAttribute('href')).toBe('/program');

    await page.getByRole('link', { name: 'All my results' }).click();
    await page.getByRole('heading', { level: 1, name: 'Readiness assessments' }).waitFor();
    const result = page.locator('.my-result', { hasText: instrument.title });
    await result.locator('.latest-score', { hasText: '3' }).waitFor();
    await result.getByRole('img', { name: new RegExp(`${instrument.title} scores: 3 on`) }).waitFor();

    const item = await page.context().request.get(`${t.url}/api/v1/program/items/${itemId}`);
    expect(item.status()).toBe(200);
    expect((await item.json()).progress.status).toBe('done');
    await page.close();
  }, 60_000);

  it('shows a member of another school "not found" for a school’s readiness page', async () => {
    const schoolA = await buildInstitution(t.db);
    const schoolB = await buildInstitution(t.db);
    const cohortB = await buildCohort(t.db, schoolB.id);
    const outsider = await person(t, { institutionId: schoolB.id, cohortIds: [cohortB.id], displayName: 'Omar Outsider' });
    const page = await browser.context.newPage();
    await page.context().clearCookies();
    await signIn(page, t.url, outsider, 'Omar Outsider');
    await page.goto(`${t.url}/schools/${schoolA.id}/readiness`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await page.goto(`${t.url}/schools/${schoolA.id}/landscape`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await page.close();
  }, 60_000);

  it('shows a school lead the results plainly below five respondents, with the CSV download', async () => {
    const schoolA = await buildInstitution(t.db, { name: 'Riverside School of Medicine' });
    const cohortA = await buildCohort(t.db, schoolA.id);
    const admin = await person(t, { platformRole: 'admin' });
    const lead = await person(t, { institutionId: schoolA.id, schoolLead: true, displayName: 'Lena Lead' });
    const member = await person(t, { institutionId: schoolA.id, cohortIds: [cohortA.id] });
    const instrument = await publishedInstrument(admin.client, 'school_readiness');
    await answer(member.client, instrument, validAnswers());
    const page = await browser.context.newPage();
    await page.context().clearCookies();
    await signIn(page, t.url, lead, 'Lena Lead');
    await page.goto(`${t.url}/schools/${schoolA.id}/readiness`);
    await page.getByRole('heading', { level: 1, name: 'Readiness of Riverside School of Medicine' }).waitFor();
    await page.getByText('Not enough responses to show yet').waitFor();
    const download = page.getByRole('link', { name: 'Download results (CSV)' });
    expect(await download.getAttribute('href')).toContain(
      `/api/v1/program/schools/${schoolA.id}/assessment-results.csv?instrumentId=${instrument.id}`,
    );
    await page.getByRole('heading', { name: 'Across the consortium' }).waitFor();
    await page.getByLabel('Name our school to other schools in comparisons').check();
    await page.getByRole('status').filter({ hasText: 'Other schools now see your school’s name.' }).waitFor();
    await page.close();
  }, 60_000);

  it('lets an admin build an instrument with the structured form and publish it', async () => {
    const admin = await person(t, { platformRole: 'admin', displayName: 'Ada Admin' });
    const page = await browser.context.newPage();
    await page.context().clearCookies();
    await signIn(page, t.url, admin, 'Ada Admin');
    await page.goto(`${t.url}/admin/instruments`);
    await page.getByRole('heading', { level: 1, name: 'Readiness instruments' }).waitFor();
    await page.getByLabel('Kind', { exact: true }).selectOption('school_readiness');
    await page.getByLabel('Title', { exact: true }).fill('Institutional readiness 2026');
    await page.getByRole('button', { name: 'Create instrument' }).click();
    await page.getByRole('heading', { level: 3, name: 'Draft version 1' }).waitFor();

    await page.getByRole('button', { name: 'Add a section' }).click();
    await page.getByLabel('Section title', { exact: true }).fill('Leadership commitment');
    await page.getByLabel('Prompt', { exact: true }).fill('Our leaders speak openly about racism');
    await page.getByRole('button', { name: 'Add an item to section 1' }).click();
    const second = page.getByRole('group', { name: 'Item 2 of section 1' });
    await second.getByLabel('Type', { exact: true }).selectOption('single');
    await second.getByLabel('Prompt', { exact: true }).fill('Who leads the work?');
    // One option is not a choice: publishing names the problem.
    await second.getByLabel('Options', { exact: true }).fill('The dean');
    await page.getByRole('button', { name: 'Publish version 1' }).click();
    await page.locator('.publish-problems', { hasText: 'needs 2 to 20 options' }).waitFor();
    await second.getByLabel('Options', { exact: true }).fill('The dean\nA committee');
    await page.getByRole('button', { name: 'Publish version 1' }).click();
    await page.getByText('Version 1: published').waitFor();
    await page.getByRole('button', { name: 'Start a new version' }).waitFor();

    const instruments = await admin.client.get('/api/v1/program/instruments?kind=school_readiness');
    const created = instruments.body.items.find((i: { title: string }) => i.title === 'Institutional readiness 2026');
    const detail = await admin.client.get(`/api/v1/program/instruments/${created.id}`);
    expect(detail.body.published.sections).toEqual([
      {
        key: 'section1',
        title: 'Leadership commitment',
        items: [
          { key: 'q1', type: 'likert', prompt: 'Our leaders speak openly about racism', required: true },
          { key: 'q2', type: 'single', prompt: 'Who leads the work?', options: ['The dean', 'A committee'], required: true },
        ],
      },
    ]);
    await page.close();
  }, 60_000);
});
