/// <reference lib="dom" />
import { buildInstitution } from '@app/testing';
import { API, draft, expectOk, makeContributor, person, publishedArticle } from '../e2e/knowledge/knowledge-support';
import { startTestApp, type TestApp } from '../support/test-app';
import { describeInBrowser, openBrowser, type OpenBrowser } from './browser-support';
import { signIn } from './knowledge-browser-support';

describeInBrowser('knowledge stories and reviewers in Chromium', () => {
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
  // One browser profile for the file: each test signs in as its own person.
  beforeEach(() => browser.context.clearCookies());

  it('turns a story of applying an article into a value-creation story draft, from the article page', async () => {
    const facilitator = await person(t, { platformRole: 'facilitator' });
    const author = await person(t, {});
    const reviewer = await person(t, {});
    await makeContributor(facilitator.client, reviewer.id);
    const teller = await person(t, { displayName: 'Tess Teller' });
    const article = await publishedArticle(author.client, reviewer, { title: 'Rubric audit guide', type: 'guide' });
    await expectOk(teller.client.put(`${API}/knowledge/articles/${article.id}/applications/me`, { story: 'Our admissions rubric changed after the audit.' }));

    const page = await browser.context.newPage();
    await signIn(page, t.url, teller, 'Tess Teller');
    await page.goto(`${t.url}/knowledge/a/${article.id}`);
    await page.getByText('Our admissions rubric changed after the audit.').waitFor();
    await page.getByRole('button', { name: /Make this a value-creation story/ }).click();
    await page.waitForURL(/\/knowledge\/a\/[^/]+\/edit$/);
    await page.getByLabel('Body', { exact: true }).waitFor();
    expect(await page.getByLabel('Body', { exact: true }).inputValue()).toContain('Our admissions rubric changed after the audit.');
    await page.close();
  });

  it('lets an author add a reviewer to a draft and take one off again', async () => {
    const facilitator = await person(t, { platformRole: 'facilitator' });
    // The directory lists people of one's own school (and the consortium's facilitators): both are at one school.
    const school = await buildInstitution(t.db);
    const author = await person(t, { displayName: 'Ama Author', institutionId: school.id });
    const reviewer = await person(t, { displayName: 'Rafi Reviewer', institutionId: school.id });
    await makeContributor(facilitator.client, reviewer.id);
    const article = await draft(author.client, { title: 'Draft needing eyes' });

    const page = await browser.context.newPage();
    await signIn(page, t.url, author, 'Ama Author');
    await page.goto(`${t.url}/knowledge/a/${article.id}`);
    await page.getByRole('button', { name: 'Add reviewers' }).click();
    await page.getByLabel('Find a reviewer', { exact: true }).fill('Rafi');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('button', { name: 'Add Rafi Reviewer', exact: true }).click();
    await page.getByRole('button', { name: 'Add reviewers', exact: true }).click();
    await page.getByRole('list', { name: 'Reviewers' }).getByText('Rafi Reviewer').waitFor();
    await page.getByRole('button', { name: 'Remove Rafi Reviewer as a reviewer' }).click();
    await page.getByText('No reviewers yet.').waitFor();
    await page.close();
  });
});
