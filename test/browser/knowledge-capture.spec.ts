/// <reference lib="dom" />
import { buildSpace } from '@app/testing';
import { person } from '../e2e/knowledge/knowledge-support';
import { reply, startTopic } from '../e2e/forum/forum-support';
import { startTestApp, type TestApp } from '../support/test-app';
import { describeInBrowser, openBrowser, type OpenBrowser } from './browser-support';
import { signIn } from './knowledge-browser-support';

describeInBrowser('capturing a forum topic into the knowledge base in Chromium', () => {
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

  it('quotes the ticked posts in a new draft, with links back to them', async () => {
    const space = await buildSpace(t.db, { name: 'Curriculum reform' });
    const writer = await person(t, { displayName: 'Kofi Mensah' });
    const reader = await person(t, { displayName: 'Priya Raman' });
    const topic = await startTopic(writer.client, space.id, { title: 'Dropping race from vignettes', body: 'Start with the renal cases.' });
    await t.clock.advance(61_000);
    await reply(reader.client, topic.id, { body: 'A side remark not worth keeping.' });
    await t.clock.advance(61_000);
    await reply(writer.client, topic.id, { body: 'Then rewrite the dermatology images.' });

    const page = await browser.context.newPage();
    await signIn(page, t.url, reader, 'Priya Raman');
    await page.goto(`${t.url}/forum/t/${topic.id}`);
    await page.getByRole('heading', { level: 1, name: 'Dropping race from vignettes' }).waitFor();
    await page.getByRole('button', { name: 'Capture to knowledge base' }).click();
    await page.getByRole('checkbox', { name: /^Post 1 by Kofi Mensah/ }).check();
    await page.getByRole('checkbox', { name: /^Post 3 by Kofi Mensah/ }).check();
    await page.getByRole('button', { name: 'Create draft' }).click();

    // The draft opens in the editor, quoting the two posts with links back to each.
    await page.getByRole('heading', { level: 1, name: 'Edit: Dropping race from vignettes' }).waitFor();
    const body = await page.getByLabel('Body', { exact: true }).inputValue();
    expect(body).toContain('> Start with the renal cases.');
    expect(body).toContain('> Then rewrite the dermatology images.');
    expect(body).not.toContain('A side remark');
    expect(body).toContain(`/forum/t/${topic.id}#post-1`);
    expect(body).toContain(`/forum/t/${topic.id}#post-3`);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.locator('.composer-preview blockquote', { hasText: 'Then rewrite the dermatology images.' }).waitFor();
    await page.locator(`.composer-preview a[href="/forum/t/${topic.id}#post-3"]`).waitFor();

    // Saved from the editor, the draft keeps its quotes and its way back to the topic.
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dropping race from vignettes' }).waitFor();
    await page.locator('.badge', { hasText: 'Draft' }).waitFor();
    await page.locator(`.article-body a[href="/forum/t/${topic.id}#post-1"]`).click();
    await page.getByRole('heading', { level: 1, name: 'Dropping race from vignettes' }).waitFor();
    expect(page.url()).toContain(`/forum/t/${topic.id}`);
    await page.close();
  });
});
