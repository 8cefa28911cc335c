/// <reference lib="dom" />
import { buildInstitution } from '@app/testing';
import { makeContributor, person, publishedArticle } from '../e2e/knowledge/knowledge-support';
import { startTestApp, type TestApp } from '../support/test-app';
import { describeInBrowser, openBrowser, type OpenBrowser } from './browser-support';
import { searchFromHeader, signIn } from './knowledge-browser-support';

describeInBrowser('school-scoped knowledge in Chromium', () => {
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

  it('never shows another school’s article in lists or search, and its address is not found', async () => {
    const schoolA = await buildInstitution(t.db);
    const schoolB = await buildInstitution(t.db);
    const facilitator = await person(t, { platformRole: 'facilitator' });
    const authorA = await person(t, { institutionId: schoolA.id });
    const reviewerA = await person(t, { institutionId: schoolA.id });
    await makeContributor(facilitator.client, reviewerA.id);
    const memberB = await person(t, { institutionId: schoolB.id, displayName: 'Bea Outsider' });
    const inSchool = await publishedArticle(authorA.client, reviewerA, {
      title: 'Quercitron school climate plan',
      body: 'Quercitron notes for our school only.',
      scope: `inst:${schoolA.id}`,
    });
    // A consortium article with the same word shows that lists and search did answer.
    await publishedArticle(authorA.client, reviewerA, { title: 'Quercitron shared guide', body: 'Quercitron for everyone.', scope: 'consortium' });

    const page = await browser.context.newPage();
    await signIn(page, t.url, memberB, 'Bea Outsider');
    await page.goto(`${t.url}/knowledge`);
    await page.getByRole('link', { name: 'Quercitron shared guide' }).waitFor();
    expect(await page.getByText('Quercitron school climate plan').count()).toBe(0);
    await page.getByRole('link', { name: 'Needs review' }).click();
    await page.getByText('Nothing is overdue for review.').waitFor();
    expect(await page.getByText('Quercitron school climate plan').count()).toBe(0);

    await searchFromHeader(page, 'quercitron');
    await page.locator('.search-hit', { hasText: 'Quercitron shared guide' }).waitFor();
    expect(await page.locator('.search-hit').count()).toBe(1);
    expect(await page.getByText('Quercitron school climate plan').count()).toBe(0);

    await page.goto(`${t.url}/knowledge/a/${inSchool.id}`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(await page.getByText('Quercitron school climate plan').count()).toBe(0);
    await page.close();
  });
});
