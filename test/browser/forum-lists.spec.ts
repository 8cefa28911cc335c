/// <reference lib="dom" />
import { acceptAgreement, buildSpace, buildUser } from '@app/testing';
import type { Locator, Page } from 'playwright-core';
import { personSignedIn, startTestApp, type Client, type TestApp } from '../support/test-app';
import { describeInBrowser, openBrowser, type OpenBrowser } from './browser-support';

const API = '/api/v1';

async function signIn(page: Page, url: string, person: { email: string; password: string }, displayName: string) {
  await page.goto(`${url}/signin`);
  await page.getByLabel('Email', { exact: true }).fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: `Welcome, ${displayName}` }).waitFor();
}

async function call<T = any>(client: Client, method: 'post' | 'put', path: string, body: object): Promise<T> {
  const response = await client[method](`${API}${path}`, body);
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as T;
}

/** The titles of the topics a list shows, in order. */
const titlesIn = (list: Locator) => list.locator('.topic-title > a').allInnerTexts();

async function titlesAfterLoad(page: Page, label: string): Promise<string[]> {
  const list = page.getByRole('list', { name: label, exact: true });
  await list.waitFor();
  await page.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
  return titlesIn(list);
}

const tab = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Topic lists' }).getByRole('link', { name, exact: true });

describeInBrowser('forum lists, space settings and drafts in Chromium', () => {
  let t: TestApp;
  let first: OpenBrowser;
  let second: OpenBrowser;
  beforeAll(async () => {
    t = await startTestApp();
    first = await openBrowser();
    second = await openBrowser({ width: 360, height: 740 });
  });
  beforeEach(async () => {
    await first.context.clearCookies();
    await second.context.clearCookies();
    // Past the flood window of the previous test's posts.
    t.clock.advance(61_000);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await t?.close();
  });

  it('switches between Latest, Top, Unread, New, My posts and My bookmarks, and keeps the view across a reload', async () => {
    const reader = await personSignedIn(t, { displayName: 'Rosa Lindqvist' });
    const writer = await personSignedIn(t, { displayName: 'Kwame Mensah' });
    const space = await buildSpace(t.db, { name: 'Lists space' });
    const busy = await call(writer.client, 'post', `/spaces/${space.id}/topics`, { title: 'Busy thread', body: 'Let us talk.' });
    await call(reader.client, 'put', `/topics/${busy.id}/read`, { postNumber: 1 });
    const replies = [];
    for (const body of ['One', 'Two', 'Three'])
      replies.push(await call(writer.client, 'post', `/topics/${busy.id}/posts`, { body }));
    await call(writer.client, 'post', `/spaces/${space.id}/topics`, { title: 'Quiet thread', body: 'Anyone?' });
    await call(reader.client, 'post', `/spaces/${space.id}/topics`, {
      title: 'My own question',
      body: 'How do we start **audits**?',
    });
    const reminderAt = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    await call(reader.client, 'put', `/posts/${replies[1].id}/bookmark`, { reminderAt });

    const page = await first.context.newPage();
    await signIn(page, t.url, reader, 'Rosa Lindqvist');
    await page.goto(`${t.url}/forum`);
    expect(await tab(page, 'Latest').getAttribute('aria-current')).toBe('page');
    expect(await titlesAfterLoad(page, 'Latest topics')).toEqual(['My own question', 'Quiet thread', 'Busy thread']);

    await tab(page, 'Top').click();
    // Most posts first; the two without replies tie and follow in either order.
    const top = await titlesAfterLoad(page, 'Top topics');
    expect(top[0]).toBe('Busy thread');
    expect([...top.slice(1)].sort()).toEqual(['My own question', 'Quiet thread']);
    await page.getByLabel('Period', { exact: true }).selectOption('week');
    await page.waitForURL(/view=top&period=week/);
    expect((await titlesAfterLoad(page, 'Top topics'))[0]).toBe('Busy thread');
    await page.reload();
    expect(await tab(page, 'Top').getAttribute('aria-current')).toBe('page');
    expect(await page.getByLabel('Period', { exact: true }).inputValue()).toBe('week');

    await tab(page, 'Unread').click();
    expect(await titlesAfterLoad(page, 'Unread topics')).toEqual(['Busy thread']);
    await page.getByText('3 unread').waitFor();
    expect(page.url()).toMatch(/\/forum\?view=unread$/);
    await page.reload();
    expect(await titlesAfterLoad(page, 'Unread topics')).toEqual(['Busy thread']);

    await tab(page, 'New').click();
    expect(await titlesAfterLoad(page, 'New topics')).toEqual(['Quiet thread']);

    await tab(page, 'My posts').click();
    const mine = page.getByRole('list', { name: 'Your posts', exact: true });
    await mine.getByRole('link', { name: 'My own question' }).waitFor();
    await mine.getByText('How do we start audits?').waitFor();
    expect(await mine.locator('li').count()).toBe(1);
    await page.reload();
    await page.getByRole('list', { name: 'Your posts', exact: true }).getByRole('link', { name: 'My own question' }).waitFor();

    await tab(page, 'My bookmarks').click();
    const bookmarks = page.getByRole('list', { name: 'Your bookmarks', exact: true });
    await bookmarks.getByRole('link', { name: 'Busy thread' }).waitFor();
    await bookmarks.getByText('Two', { exact: true }).waitFor();
    await bookmarks.getByText(/Reminder /).waitFor();
    expect(await bookmarks.getByRole('link', { name: 'Busy thread' }).getAttribute('href')).toBe(`/forum/t/${busy.id}#post-3`);
    await page.close();
  });

  it('filters by a tag clicked on a topic and by phase, in the address too', async () => {
    const reader = await personSignedIn(t, { displayName: 'Noor Haddad' });
    const space = await buildSpace(t.db, { name: 'Tags space' });
    const topic = (title: string, extra: object) =>
      call(reader.client, 'post', `/spaces/${space.id}/topics`, { title, body: 'Opening words', ...extra });
    await topic('Grading rubrics', { tags: ['assessment'], phase: 3 });
    await topic('Exam question audit', { tags: ['assessment', 'curriculum'] });
    await topic('Staff wellbeing', { tags: ['wellbeing'], phase: 3 });

    const page = await first.context.newPage();
    await signIn(page, t.url, reader, 'Noor Haddad');
    await page.goto(`${t.url}/forum`);
    await page
      .getByRole('list', { name: 'Latest topics' })
      .getByRole('link', { name: 'Topics tagged assessment' })
      .first()
      .click();
    await page.waitForURL(/\/forum\?tag=assessment$/);
    expect(await titlesAfterLoad(page, 'Latest topics')).toEqual(['Exam question audit', 'Grading rubrics']);
    expect(await page.getByLabel('Tag', { exact: true }).inputValue()).toBe('assessment');

    await page.getByLabel('Phase', { exact: true }).selectOption('3');
    await page.waitForURL(/tag=assessment&phase=3/);
    expect(await titlesAfterLoad(page, 'Latest topics')).toEqual(['Grading rubrics']);
    await page.reload();
    expect(await titlesAfterLoad(page, 'Latest topics')).toEqual(['Grading rubrics']);
    await page.getByText('Showing topics tagged assessment and in phase 3.').waitFor();

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL(/\/forum$/);
    expect(await titlesAfterLoad(page, 'Latest topics')).toEqual(
      expect.arrayContaining(['Staff wellbeing', 'Exam question audit', 'Grading rubrics']),
    );
    await page.getByLabel('Tag', { exact: true }).fill('wellbeing');
    await page.getByRole('button', { name: 'Filter by tag' }).click();
    await page.waitForURL(/tag=wellbeing/);
    expect(await titlesAfterLoad(page, 'Latest topics')).toEqual(['Staff wellbeing']);
    await page.close();
  });

  it('lets a facilitator allow anonymous posting and publish new agreements, which a member then accepts', async () => {
    const facilitator = await buildUser(t.db, { displayName: 'Dana Okoye' });
    const member = await buildUser(t.db, { displayName: 'Sam Whitfield' });
    const space = await buildSpace(t.db, {
      name: 'Dialogue space',
      facilitatorIds: [facilitator.id],
      agreement: 'We listen first.',
    });
    await acceptAgreement(t.db, space.id, facilitator.id);
    await acceptAgreement(t.db, space.id, member.id);

    const page = await first.context.newPage();
    await signIn(page, t.url, facilitator, 'Dana Okoye');
    await page.goto(`${t.url}/forum/s/${space.id}`);
    await page.getByLabel('Title', { exact: true }).waitFor();
    expect(await page.getByLabel('Post anonymously', { exact: true }).count()).toBe(0);

    await page.getByText('Space settings', { exact: true }).click();
    await page.getByLabel('Allow anonymous posting', { exact: true }).check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    await page.getByLabel('Post anonymously', { exact: true }).waitFor();

    await page.getByText('Community agreements', { exact: true }).click();
    await page.getByText('Current version: 1').waitFor();
    await page.locator('.facilitator-tools .agreement-text', { hasText: 'We listen first.' }).waitFor();
    await page.getByLabel('Version 2', { exact: true }).fill('We listen first.\nWe name harm when we see it.');
    await page.getByRole('button', { name: 'Publish version 2' }).click();
    await page.getByText('Version 2 is published.', { exact: false }).waitFor();
    // The facilitator accepts the new version like everyone else before posting again.
    await page.getByRole('button', { name: 'I accept these agreements' }).waitFor();
    await page.close();

    const memberPage = await second.context.newPage();
    await signIn(memberPage, t.url, member, 'Sam Whitfield');
    await memberPage.goto(`${t.url}/forum/s/${space.id}`);
    await memberPage.getByText('We name harm when we see it.').waitFor();
    expect(await memberPage.getByLabel('Title', { exact: true }).count()).toBe(0);
    expect(await memberPage.getByRole('heading', { name: 'Facilitator tools' }).count()).toBe(0);
    await memberPage.getByRole('button', { name: 'I accept these agreements' }).click();
    await memberPage.getByLabel('Title', { exact: true }).waitFor();
    await memberPage.getByLabel('Post anonymously', { exact: true }).waitFor();
    const [{ version }] = await t.db.query(
      'SELECT max(version) AS version FROM agreement_acceptance WHERE space_id = $1 AND user_id = $2',
      [space.id, member.id],
    );
    expect(version).toBe(2);
    await memberPage.close();
  });

  it('keeps a new-topic draft on the server across a reload, and clears it once the topic is posted', async () => {
    const member = await buildUser(t.db, { displayName: 'Ines Duarte' });
    const space = await buildSpace(t.db, { name: 'Drafts space' });
    const page = await first.context.newPage();
    await signIn(page, t.url, member, 'Ines Duarte');
    await page.goto(`${t.url}/forum/s/${space.id}`);
    await page.getByLabel('Title', { exact: true }).fill('Half-formed idea');
    await page.getByLabel('Body', { exact: true }).fill('Peer review of case vignettes');
    await page.getByText(/^Draft saved/).waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Drafts space' }).waitFor();
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Half-formed idea');
    expect(await page.getByLabel('Body', { exact: true }).inputValue()).toBe('Peer review of case vignettes');

    await page.getByLabel('Question', { exact: true }).check();
    await page.getByRole('button', { name: 'Post topic' }).click();
    await page.getByRole('heading', { level: 1, name: 'Half-formed idea' }).waitFor();
    const [{ count }] = await t.db.query('SELECT count(*)::int AS count FROM draft WHERE user_id = $1', [member.id]);
    expect(count).toBe(0);
    const [{ kind }] = await t.db.query('SELECT kind FROM topic WHERE space_id = $1', [space.id]);
    expect(kind).toBe('question');

    await page.goto(`${t.url}/forum/s/${space.id}`);
    await page.getByRole('link', { name: 'Half-formed idea' }).waitFor();
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('');
    await page.close();
  });

  it('heads a space with its pinned topics, and keeps the notification level chosen for it', async () => {
    const member = await personSignedIn(t, { displayName: 'Yara Benali' });
    const space = await buildSpace(t.db, { name: 'Pinned space' });
    const guide = await call(member.client, 'post', `/spaces/${space.id}/topics`, {
      title: 'Start here',
      body: 'How this space works.',
    });
    await call(member.client, 'post', `/spaces/${space.id}/topics`, { title: 'Later conversation', body: 'Hello.' });
    await t.db.query("UPDATE topic SET pinned = 'space' WHERE id = $1", [guide.id]);

    const page = await first.context.newPage();
    await signIn(page, t.url, member, 'Yara Benali');
    await page.goto(`${t.url}/forum/s/${space.id}`);
    const pinned = page.getByRole('list', { name: 'Pinned', exact: true });
    await pinned.getByRole('link', { name: 'Start here' }).waitFor();
    expect(await titlesIn(pinned)).toEqual(['Start here']);
    expect(await titlesAfterLoad(page, 'Topics in this space')).toEqual(['Later conversation']);

    await page.getByLabel('Watching', { exact: true }).check();
    await page.getByText('Notifications for this space: Watching.').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Pinned space' }).waitFor();
    await page.waitForFunction(
      () => (document.getElementById('subscription-watching') as HTMLInputElement | null)?.checked === true,
    );
    await page.close();
  });

  it('loads the next page of a space with "Load more", focusing the first topic it brought', async () => {
    const member = await personSignedIn(t, { displayName: 'Luis Ortega' });
    const space = await buildSpace(t.db, { name: 'Busy space' });
    for (let i = 1; i <= 22; i += 1) {
      // Past the flood limit (ten posts a minute) without waiting.
      if (i % 10 === 0) t.clock.advance(61_000);
      await call(member.client, 'post', `/spaces/${space.id}/topics`, { title: `Thread ${i}`, body: 'Words.' });
    }
    const page = await first.context.newPage();
    await signIn(page, t.url, member, 'Luis Ortega');
    await page.goto(`${t.url}/forum/s/${space.id}`);
    expect((await titlesAfterLoad(page, 'Topics in this space')).length).toBe(20);
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Thread 2');
    expect((await titlesAfterLoad(page, 'Topics in this space')).slice(-2)).toEqual(['Thread 2', 'Thread 1']);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    await page.close();
  });
});
