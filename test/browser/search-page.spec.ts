/// <reference lib="dom" />
import { buildSpace } from '@app/testing';
import { startTopic } from '../e2e/forum/forum-support';
import { makeContributor, person, publishedArticle } from '../e2e/knowledge/knowledge-support';
import { startTestApp, type TestApp } from '../support/test-app';
import { describeInBrowser, openBrowser, type OpenBrowser } from './browser-support';
import { searchFromHeader, signIn } from './knowledge-browser-support';

describeInBrowser('the search results page in Chromium', () => {
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

  it('narrows results with facet links, shows what it understood, and explains a bad filter', async () => {
    const space = await buildSpace(t.db, { name: 'Open space' });
    const facilitator = await person(t, { platformRole: 'facilitator' });
    const author = await person(t, { displayName: 'Noor Haddad' });
    const reviewer = await person(t);
    await makeContributor(facilitator.client, reviewer.id);
    await publishedArticle(author.client, reviewer, { title: 'Wintergreen toolkit', body: 'Wintergreen steps.', type: 'toolkit', tags: ['climate'] });
    await startTopic(author.client, space.id, { title: 'Wintergreen conversation', body: 'Wintergreen talk.' });

    const page = await browser.context.newPage();
    await signIn(page, t.url, author, 'Noor Haddad');
    await searchFromHeader(page, 'wintergreen');
    await page.locator('.search-hit', { hasText: 'Wintergreen toolkit' }).waitFor();
    await page.locator('.search-hit', { hasText: 'Wintergreen conversation' }).first().waitFor();
    await page.getByText('Searching for “wintergreen”').waitFor();

    // A facet is a link that adds its filter to the address; following it again takes the filter off.
    await page.getByRole('complementary', { name: 'Narrow the results' }).getByRole('link', { name: /^Toolkit \(1\)/ }).click();
    await page.getByText('Searching for “wintergreen” · article type: toolkit').waitFor();
    expect(new URL(page.url()).searchParams.get('type')).toBe('toolkit');
    expect(await page.locator('.search-hit').count()).toBe(1);
    await page.getByRole('link', { name: 'Remove type: toolkit' }).click();
    await page.locator('.search-hit', { hasText: 'Wintergreen conversation' }).first().waitFor();

    // An unknown filter is refused with the server's explanation.
    await searchFromHeader(page, 'wintergreen colour:green');
    await page.getByRole('alert').filter({ hasText: 'Unknown search filter' }).waitFor();
    expect(await page.locator('.search-hit').count()).toBe(0);
    await page.close();
  });
});
