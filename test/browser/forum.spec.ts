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

async function startTopic(page: Page, title: string, body: string, options: { anonymous?: boolean } = {}) {
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Body', { exact: true }).fill(body);
  if (options.anonymous) await page.getByLabel('Post anonymously', { exact: true }).check();
  await page.getByRole('button', { name: 'Post topic' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

async function reply(page: Page, text: string) {
  await page.getByLabel('Reply', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Post reply' }).click();
  await page.locator('.post-body', { hasText: text }).waitFor();
}

describeInBrowser('the forum in Chromium', () => {
  let t: TestApp;
  let first: OpenBrowser;
  let second: OpenBrowser;
  beforeAll(async () => {
    t = await startTestApp();
    first = await openBrowser();
    // A second person needs a browser of their own: separate cookies, separate socket.
    second = await openBrowser({ width: 360, height: 740 });
  });
  beforeEach(async () => {
    await first.context.clearCookies();
    await second.context.clearCookies();
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await t?.close();
  });

  it('lets a member start a topic and reply to it, from the forum home', async () => {
    const member = await buildUser(t.db, { displayName: 'Amara Nwosu' });
    const space = await buildSpace(t.db, { name: 'Curriculum reform' });
    const page = await first.context.newPage();
    await signIn(page, t.url, member, 'Amara Nwosu');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Forum' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forum' }).waitFor();
    await page.getByRole('link', { name: 'Curriculum reform' }).click();
    await page.getByRole('heading', { level: 1, name: 'Curriculum reform' }).waitFor();
    expect(page.url()).toContain(`/forum/s/${space.id}`);

    await page.getByLabel('Tags (comma-separated)', { exact: true }).fill('assessment, bias');
    // The preview is the server's rendering of the draft; posting from the preview still sends the text.
    await page.getByLabel('Title', { exact: true }).fill('Rewriting case vignettes');
    await page.getByLabel('Body', { exact: true }).fill('Which vignettes **still** rely on race as a risk factor?');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.locator('.composer-preview strong', { hasText: 'still' }).waitFor();
    expect(await page.getByLabel('Body', { exact: true }).isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Write' }).click();
    expect(await page.getByLabel('Body', { exact: true }).inputValue()).toBe('Which vignettes **still** rely on race as a risk factor?');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('button', { name: 'Post topic' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rewriting case vignettes' }).waitFor();
    await page.locator('.post-body strong', { hasText: 'still' }).waitFor();
    await page.getByText('assessment', { exact: true }).waitFor();
    await reply(page, 'The renal function cases, for a start.');
    expect(await page.locator('.post').count()).toBe(2);

    // Reactions toggle, with their state exposed to assistive technology.
    const heart = page.locator('.post').first().getByRole('button', { name: /Heart/ });
    await heart.click();
    await page.locator('.post').first().locator('button[aria-pressed="true"]', { hasText: 'Heart 1' }).waitFor();

    // Quoting puts the quoted post into the composer; the server renders it as a quotation.
    await page.locator('.post').nth(1).getByRole('button', { name: 'Quote post 2' }).click();
    expect(await page.getByLabel('Reply', { exact: true }).inputValue()).toMatch(/^\[quote=2\]\nThe renal function cases, for a start.\n\[\/quote\]/);
    await page.getByLabel('Reply', { exact: true }).press('End');
    await page.getByLabel('Reply', { exact: true }).pressSequentially('Agreed.');
    const markedRead = page.waitForResponse((r) => r.url().endsWith('/read') && r.request().postData() === '{"postNumber":3}');
    await page.getByRole('button', { name: 'Post reply' }).click();
    await page.locator('.post').nth(2).locator('blockquote').waitFor();
    expect((await markedRead).status()).toBe(204);

    // The space lists the topic with its reply count; the person has read it all, so nothing is unread.
    await page.goto(`${t.url}/forum/s/${space.id}`);
    await page.getByRole('link', { name: 'Rewriting case vignettes' }).waitFor();
    await page.getByText('2 replies', { exact: false }).waitFor();
    expect(await page.locator('.badge-new').count()).toBe(0);
    await page.close();
  });

  it('shows another person’s reply live, without reloading', async () => {
    const a = await buildUser(t.db, { displayName: 'Tomás Rivera' });
    const b = await buildUser(t.db, { displayName: 'Grace Kim' });
    await buildSpace(t.db, { name: 'Live space' });
    const pageA = await first.context.newPage();
    const pageB = await second.context.newPage();
    await signIn(pageA, t.url, a, 'Tomás Rivera');
    await signIn(pageB, t.url, b, 'Grace Kim');

    await pageA.goto(`${t.url}/forum`);
    await pageA.getByRole('link', { name: 'Live space' }).click();
    await pageA.getByRole('heading', { level: 1, name: 'Live space' }).waitFor();
    await startTopic(pageA, 'Check-in before the session', 'How is everyone arriving today?');
    const topicUrl = pageA.url();

    await pageB.goto(topicUrl);
    await pageB.getByRole('heading', { level: 1, name: 'Check-in before the session' }).waitFor();
    await pageB.getByText('New replies appear here as they are posted.').waitFor();
    // Nothing B does from here reloads the page: a marker on window would vanish if it did.
    await pageB.evaluate(() => ((window as unknown as { marker: number }).marker = 42));

    await reply(pageA, 'Tired but hopeful.');
    await pageB.locator('.post-body', { hasText: 'Tired but hopeful.' }).waitFor({ timeout: 10_000 });
    await pageB.getByRole('heading', { level: 3, name: 'Tomás Rivera' }).nth(1).waitFor();
    expect(await pageB.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    await pageA.close();
    await pageB.close();
  });

  it('tells a reader of a space about new topics live, and shows them on request', async () => {
    const a = await buildUser(t.db, { displayName: 'Lee Chen' });
    const b = await buildUser(t.db, { displayName: 'Hana Yazzie' });
    const space = await buildSpace(t.db, { name: 'Announcements space' });
    const pageA = await first.context.newPage();
    const pageB = await second.context.newPage();
    await signIn(pageA, t.url, a, 'Lee Chen');
    await signIn(pageB, t.url, b, 'Hana Yazzie');
    await pageB.goto(`${t.url}/forum/s/${space.id}`);
    await pageB.getByRole('heading', { level: 1, name: 'Announcements space' }).waitFor();
    await pageB.getByText('No topics yet.', { exact: false }).waitFor();

    await pageA.goto(`${t.url}/forum/s/${space.id}`);
    await pageA.getByRole('heading', { level: 1, name: 'Announcements space' }).waitFor();
    await startTopic(pageA, 'A new thread appears', 'Hello from across the consortium.');

    await pageB.getByRole('button', { name: '1 new topic — show' }).click({ timeout: 10_000 });
    await pageB.getByRole('link', { name: 'A new thread appears' }).waitFor();
    await pageA.close();
    await pageB.close();
  });

  it('asks a member to accept the community agreements before the new-topic form appears', async () => {
    const member = await buildUser(t.db, { displayName: 'Hana Yazzie' });
    const space = await buildSpace(t.db, { name: 'Brave space', agreement: 'We listen first.\nWe speak from our own experience.' });
    const page = await first.context.newPage();
    await signIn(page, t.url, member, 'Hana Yazzie');
    await page.goto(`${t.url}/forum/s/${space.id}`);
    await page.getByRole('heading', { level: 1, name: 'Brave space' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Community agreements' }).waitFor();
    await page.getByText('We listen first.').waitFor();
    expect(await page.getByLabel('Title', { exact: true }).count()).toBe(0);

    await page.getByRole('button', { name: 'I accept these agreements' }).click();
    await page.getByLabel('Title', { exact: true }).waitFor();
    expect(await page.getByRole('heading', { name: 'Community agreements' }).count()).toBe(0);
    await startTopic(page, 'Introductions', 'Hello, I am new here.');

    const [{ count }] = await t.db.query('SELECT count(*)::int AS count FROM agreement_acceptance WHERE space_id = $1 AND user_id = $2', [
      space.id,
      member.id,
    ]);
    expect(count).toBe(1);
    await page.close();
  });

  it('shows an anonymous post under a pseudonym to peers and facilitators alike', async () => {
    const a = await buildUser(t.db, { displayName: 'Ifeoma Okafor' });
    const peer = await buildUser(t.db, { displayName: 'Lena Park' });
    const facilitator = await buildUser(t.db, { displayName: 'Dana Facilitator' });
    const space = await buildSpace(t.db, { name: 'Hard conversations', allowAnonymous: true, facilitatorIds: [facilitator.id] });

    const pageA = await first.context.newPage();
    await signIn(pageA, t.url, a, 'Ifeoma Okafor');
    await pageA.goto(`${t.url}/forum/s/${space.id}`);
    await pageA.getByRole('heading', { level: 1, name: 'Hard conversations' }).waitFor();
    await pageA.getByText("Other members will see a pseudonym such as 'Participant 3'.", { exact: false }).waitFor();
    await startTopic(pageA, 'Something I witnessed on rounds', 'I am not ready to say this under my name.', { anonymous: true });
    const topicUrl = pageA.url();
    await pageA.close();

    for (const [browser, viewer, name] of [
      [second, peer, 'Lena Park'],
      [first, facilitator, 'Dana Facilitator'],
    ] as const) {
      await browser.context.clearCookies();
      const page = await browser.context.newPage();
      await signIn(page, t.url, viewer, name);
      await page.goto(topicUrl);
      await page.getByRole('heading', { level: 1, name: 'Something I witnessed on rounds' }).waitFor();
      await page.getByRole('heading', { level: 3, name: 'Participant 1' }).waitFor();
      await page.getByText('I am not ready to say this under my name.').waitFor();
      const text = await page.locator('body').innerText();
      expect(text).not.toContain('Ifeoma');
      expect(text).not.toContain('Okafor');
      expect(await page.content()).not.toContain(a.id);
      if (viewer === facilitator) {
        // The facilitator can hide the post with a reason everyone then sees.
        await page.getByRole('button', { name: 'Hide post 1' }).click();
        await page.getByLabel('Reason for hiding post 1', { exact: true }).fill('Shares a patient detail');
        await page.getByRole('button', { name: 'Hide post', exact: true }).click();
        await page.getByText('Hidden by a facilitator: Shares a patient detail').waitFor();
        await page.getByRole('heading', { level: 2, name: 'Temperature control' }).waitFor();
      }
      await page.close();
    }

    // The forum's latest-topics list does not give the author away either.
    const page = await second.context.newPage();
    await page.goto(`${t.url}/forum`);
    await page.getByRole('link', { name: 'Something I witnessed on rounds' }).waitFor();
    expect(await page.locator('body').innerText()).not.toContain('Ifeoma');
    await page.close();
  });
});
