/// <reference lib="dom" />
import { buildSpace, buildUser } from '@app/testing';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app';
import { describeInBrowser, openBrowser, type OpenBrowser } from './browser-support';

async function signIn(page: Page, url: string, person: { email: string; password: string }, displayName: string) {
  await page.goto(`${url}/signin`);
  await page.getByLabel('Email', { exact: true }).fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: `Welcome, ${displayName}` }).waitFor();
}

describeInBrowser('flags and the review queue in Chromium', () => {
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

  async function as(person: { email: string; password: string }, name: string): Promise<Page> {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await signIn(page, t.url, person, name);
    return page;
  }

  it('takes a member’s report to the facilitator, who hides the post; the member sees that action was taken', async () => {
    const author = await buildUser(t.db, { displayName: 'Sam Author' });
    const member = await buildUser(t.db, { displayName: 'Nadia Member' });
    const facilitator = await buildUser(t.db, { displayName: 'Fola Facilitator' });
    const space = await buildSpace(t.db, { name: 'Clinical teaching', allowAnonymous: true, facilitatorIds: [facilitator.id] });

    // Someone posts anonymously.
    let page = await as(author, 'Sam Author');
    await page.goto(`${t.url}/forum/s/${space.id}`);
    await page.getByRole('heading', { level: 1, name: 'Clinical teaching' }).waitFor();
    await page.getByLabel('Title', { exact: true }).fill('Grading the OSCE');
    await page.getByLabel('Body', { exact: true }).fill('A remark that wounds people.');
    await page.getByLabel('Post anonymously', { exact: true }).check();
    await page.getByRole('button', { name: 'Post topic' }).click();
    await page.getByRole('heading', { level: 1, name: 'Grading the OSCE' }).waitFor();
    const topicUrl = page.url();
    // No one flags their own post.
    expect(await page.getByRole('button', { name: 'Flag post 1' }).count()).toBe(0);
    await page.close();

    // A member flags it as causing harm, with a private note.
    page = await as(member, 'Nadia Member');
    await page.goto(topicUrl);
    await page.getByRole('heading', { level: 1, name: 'Grading the OSCE' }).waitFor();
    expect(await page.getByRole('button', { name: /Reveal author/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Flag post 1' }).click();
    await page.getByRole('radio', { name: 'Causing harm' }).check();
    await page.getByLabel('Private note', { exact: true }).fill('This hurt several of us in the cohort.');
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByRole('status').filter({ hasText: 'Thank you. Facilitators will review it.' }).waitFor();
    await page.close();

    // The facilitator finds it in the review queue, linked from the forum home, and hides the post.
    page = await as(facilitator, 'Fola Facilitator');
    await page.goto(`${t.url}/forum`);
    await page.getByRole('heading', { level: 1, name: 'Forum' }).waitFor();
    await page.getByRole('link', { name: 'Review queue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Review queue' }).waitFor();
    const entry = page.getByRole('article', { name: /Grading the OSCE, post 1/ });
    await entry.getByText('Note: This hurt several of us in the cohort.').waitFor();
    await entry.getByText('Causing harm', { exact: true }).waitFor();
    await entry.getByText('reported by Nadia Member', { exact: false }).waitFor();
    await entry.getByText('By Participant 1', { exact: false }).waitFor();
    expect(await page.locator('body').innerText()).not.toContain('Sam Author');
    await entry.getByRole('button', { name: 'Hide post 1' }).click();
    await entry.getByLabel('Reason for hiding post 1', { exact: true }).fill('Demeaning remark about a group');
    await entry.getByRole('button', { name: 'Hide post', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'is now hidden' }).waitFor();
    await page.getByText('No open reports.', { exact: false }).waitFor();

    // The topic shows the post hidden, with the reason given in the queue.
    await page.goto(topicUrl);
    await page.getByText('Hidden by a facilitator: Demeaning remark about a group').waitFor();
    await page.close();

    // The member follows the report under Your reports.
    page = await as(member, 'Nadia Member');
    await page.goto(`${t.url}/forum`);
    expect(await page.getByRole('link', { name: 'Review queue' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Your reports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your reports' }).waitFor();
    await page.getByText('Action taken', { exact: true }).waitFor();
    await page.getByText('Your note: This hurt several of us in the cohort.').waitFor();
    await page.close();
  });

  it('lets a space facilitator reveal an anonymous author, giving a reason', async () => {
    const author = await buildUser(t.db, { displayName: 'Rui Writer' });
    const facilitator = await buildUser(t.db, { displayName: 'Ada Facilitator' });
    const space = await buildSpace(t.db, { name: 'Reveal space', allowAnonymous: true, facilitatorIds: [facilitator.id] });

    let page = await as(author, 'Rui Writer');
    await page.goto(`${t.url}/forum/s/${space.id}`);
    await page.getByLabel('Title', { exact: true }).fill('Anonymous question');
    await page.getByLabel('Body', { exact: true }).fill('Asked without my name.');
    await page.getByLabel('Post anonymously', { exact: true }).check();
    await page.getByRole('button', { name: 'Post topic' }).click();
    await page.getByRole('heading', { level: 1, name: 'Anonymous question' }).waitFor();
    const topicUrl = page.url();
    await page.close();

    page = await as(facilitator, 'Ada Facilitator');
    await page.goto(topicUrl);
    await page.getByRole('heading', { level: 3, name: /Participant 1/ }).waitFor();
    await page.getByRole('button', { name: 'Reveal author of post 1' }).click();
    await page.getByText('The reveal is recorded', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Reveal author', exact: true }).click();
    await page.getByText('A reason is needed to reveal an author.').waitFor();
    await page.getByLabel('Reason for revealing the author of post 1', { exact: true }).fill('Safeguarding follow-up');
    await page.getByRole('button', { name: 'Reveal author', exact: true }).click();
    await page.getByRole('heading', { level: 3, name: /revealed: Rui Writer/ }).waitFor();
    await page.close();
  });
});
