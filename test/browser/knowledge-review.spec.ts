/// <reference lib="dom" />
import { buildUser } from '@app/testing';
import { makeContributor, person } from '../e2e/knowledge/knowledge-support';
import { startTestApp, type TestApp } from '../support/test-app';
import { describeInBrowser, openBrowser, type OpenBrowser } from './browser-support';
import { searchFromHeader, signIn } from './knowledge-browser-support';

describeInBrowser('the knowledge base review cycle in Chromium', () => {
  let t: TestApp;
  let authorBrowser: OpenBrowser;
  let reviewerBrowser: OpenBrowser;
  beforeAll(async () => {
    t = await startTestApp();
    authorBrowser = await openBrowser();
    // The reviewer works in a browser of their own: separate cookies.
    reviewerBrowser = await openBrowser();
  });
  afterAll(async () => {
    await reviewerBrowser?.close();
    await authorBrowser?.close();
    await t?.close();
  });

  it('takes a member’s draft through a contributor’s review to publication, and search finds it', async () => {
    const author = await buildUser(t.db, { displayName: 'Amina Writer' });
    const reviewer = await buildUser(t.db, { displayName: 'Rafael Reviewer' });
    const facilitator = await person(t, { platformRole: 'facilitator' });
    await makeContributor(facilitator.client, reviewer.id);

    // The author writes a draft from the knowledge home.
    const page = await authorBrowser.context.newPage();
    await signIn(page, t.url, author, 'Amina Writer');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Knowledge' }).click();
    await page.getByRole('heading', { level: 1, name: 'Knowledge base' }).waitFor();
    await page.getByRole('link', { name: 'New article' }).click();
    await page.getByRole('heading', { level: 1, name: 'New article' }).waitFor();
    await page.getByLabel('Title', { exact: true }).fill('Retiring race-based eGFR teaching');
    await page.getByLabel('Summary', { exact: true }).fill('How one school rewrote its renal module.');
    await page.getByLabel('Type', { exact: true }).selectOption('toolkit');
    await page.getByLabel('Phase 3: Creating a climate for change', { exact: true }).check();
    await page.getByLabel('Tags (comma-separated)', { exact: true }).fill('curriculum, nephrology');
    await page.getByLabel('Body', { exact: true }).fill('We removed the **race coefficient** from every case.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('heading', { level: 1, name: 'Retiring race-based eGFR teaching' }).waitFor();
    await page.locator('.article-body strong', { hasText: 'race coefficient' }).waitFor();
    await page.locator('.badge', { hasText: 'Draft' }).waitFor();
    const articleUrl = page.url();

    // It goes to the reviewer, found by name in the member directory.
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.getByLabel('Find a reviewer', { exact: true }).fill('Rafael');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('button', { name: 'Add Rafael Reviewer' }).click();
    await page.getByRole('button', { name: 'Send for review' }).click();
    await page.getByRole('status').filter({ hasText: 'Sent for review' }).waitFor();
    await page.locator('.badge', { hasText: 'In review' }).waitFor();

    // Publishing before the approval is refused, and the server says why.
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'approval' }).waitFor();

    // The reviewer finds it under "To review" and approves it.
    const review = await reviewerBrowser.context.newPage();
    await signIn(review, t.url, reviewer, 'Rafael Reviewer');
    await review.goto(`${t.url}/knowledge?view=reviewing`);
    await review.getByRole('link', { name: 'Retiring race-based eGFR teaching' }).click();
    await review.getByRole('heading', { level: 1, name: 'Retiring race-based eGFR teaching' }).waitFor();
    await review.getByRole('radio', { name: 'Approve' }).check();
    await review.getByLabel('Comment for the authors', { exact: true }).fill('Clear and ready.');
    await review.getByRole('button', { name: 'Send decision' }).click();
    await review.getByRole('status').filter({ hasText: 'You approved this revision.' }).waitFor();
    await review.locator('.review-comments', { hasText: 'Clear and ready.' }).waitFor();
    await review.close();

    // The author publishes; the article shows as verified.
    await page.goto(articleUrl);
    await page.getByText('1 of 1 approval needed', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Published.' }).waitFor();
    await page.locator('.badge-verified', { hasText: 'Verified' }).waitFor();

    // The search box in the header finds it by a word of its text, marked in the snippet.
    await searchFromHeader(page, 'coefficient');
    const hit = page.locator('.search-hit', { hasText: 'Retiring race-based eGFR teaching' });
    await hit.waitFor();
    await hit.getByText('Article · Toolkit').waitFor();
    await hit.locator('mark', { hasText: 'coefficient' }).first().waitFor();
    await hit.getByRole('link', { name: 'Retiring race-based eGFR teaching' }).click();
    await page.getByRole('heading', { level: 1, name: 'Retiring race-based eGFR teaching' }).waitFor();
    await page.close();
  }, 60_000);
});
