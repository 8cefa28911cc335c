/// <reference lib="dom" />
import { buildSpace, buildUser } from '@app/testing';
import type { Page } from 'playwright-core';
import { signIn as signInApi, startTestApp, type TestApp } from '../support/test-app';
import { describeInBrowser, openBrowser, type OpenBrowser } from './browser-support';
import { signIn } from './knowledge-browser-support';

const LIVE_WAIT = { timeout: 20_000 };

const bell = (page: Page, unread: number) => page.getByRole('button', { name: `Notifications (${unread} unread)` });

describeInBrowser('notifications in Chromium', () => {
  let t: TestApp;
  let first: OpenBrowser;
  let second: OpenBrowser;
  beforeAll(async () => {
    t = await startTestApp();
    first = await openBrowser();
    // The person mentioned needs a browser of their own: separate cookies, separate socket.
    second = await openBrowser();
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await t?.close();
  });

  it('shows a mention made in one browser live in the other, and opening it clears the count', async () => {
    const a = await buildUser(t.db, { displayName: 'Tomás Rivera' });
    const b = await buildUser(t.db, { displayName: 'Grace Kim' });
    await t.db.query(`UPDATE app_user SET handle = 'grace.kim' WHERE id = $1`, [b.id]);
    const space = await buildSpace(t.db, { name: 'Assessment reform' });
    const started = await (
      await signInApi(t.url, a.email, a.password)
    ).post(`/api/v1/spaces/${space.id}/topics`, {
      title: 'Rubrics without race',
      body: 'Which rubrics still ask about race?',
    });
    expect(started.status).toBe(201);
    const topicId = started.body.id as string;

    // B waits on the home page with the socket up; nothing B does from here reloads the page.
    const pageB = await second.context.newPage();
    await signIn(pageB, t.url, b, 'Grace Kim');
    await pageB.locator('.notification-bell[data-live="true"]').waitFor(LIVE_WAIT);
    await bell(pageB, 0).waitFor();
    expect(await pageB.getByTestId('notification-count').isVisible()).toBe(false);
    await pageB.evaluate(() => ((window as unknown as { marker: number }).marker = 42));

    const pageA = await first.context.newPage();
    await signIn(pageA, t.url, a, 'Tomás Rivera');
    await pageA.goto(`${t.url}/forum/t/${topicId}`);
    await pageA.getByRole('heading', { level: 1, name: 'Rubrics without race' }).waitFor();
    await pageA.getByLabel('Reply', { exact: true }).fill('@grace.kim could you share the rubric your school uses?');
    await pageA.getByRole('button', { name: 'Post reply' }).click();
    await pageA.locator('.post-body', { hasText: 'could you share the rubric' }).waitFor();
    await pageA.close();

    await bell(pageB, 1).waitFor(LIVE_WAIT);
    expect(await pageB.getByTestId('notification-count').textContent()).toBe('1');
    expect(await pageB.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);

    await bell(pageB, 1).click();
    const panel = pageB.getByRole('region', { name: 'Notifications' });
    const mention = panel.getByRole('link', { name: /Tomás Rivera mentioned you/ });
    await mention.waitFor();
    await mention.click();
    await pageB.getByRole('heading', { level: 1, name: 'Rubrics without race' }).waitFor();
    expect(pageB.url()).toContain(`/forum/t/${topicId}`);
    await bell(pageB, 0).waitFor(LIVE_WAIT);
    expect(await pageB.getByTestId('notification-count').isVisible()).toBe(false);

    // The full list shows it as read.
    await pageB.goto(`${t.url}/notifications`);
    await pageB.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await pageB.getByRole('link', { name: /^Tomás Rivera mentioned you/ }).waitFor();
    await pageB.close();
  }, 60_000);

  it('saves notification settings so a reload shows them', async () => {
    const b = await buildUser(t.db, { displayName: 'Noor Haddad' });
    const page = await second.context.newPage();
    await second.context.clearCookies();
    await signIn(page, t.url, b, 'Noor Haddad');
    await page.goto(`${t.url}/settings/notifications`);
    await page.getByRole('heading', { level: 1, name: 'Notification settings' }).waitFor();

    const mentioned = page.getByRole('combobox', { name: /mention/i });
    await mentioned.selectOption('off');
    await page.getByLabel('Send a digest', { exact: true }).selectOption('never');
    // With no digest there is no hour to choose.
    expect(await page.getByLabel('Send it at', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Your notification settings are saved.' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Notification settings' }).waitFor();
    await mentioned.waitFor();
    expect(await mentioned.inputValue()).toBe('off');
    expect(await page.getByLabel('Send a digest', { exact: true }).inputValue()).toBe('never');
    await page.close();
  }, 60_000);
});
