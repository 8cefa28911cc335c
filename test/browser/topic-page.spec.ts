/// <reference lib="dom" />
import { buildSpace, buildUser } from '@app/testing';
import type { Page } from 'playwright-core';
import { signIn as apiSignIn, startTestApp, type Client, type TestApp } from '../support/test-app';
import { describeInBrowser, openBrowser, type OpenBrowser } from './browser-support';

const API = '/api/v1';

async function signIn(page: Page, url: string, person: { email: string; password: string }, displayName: string) {
  await page.goto(`${url}/signin`);
  await page.getByLabel('Email', { exact: true }).fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: `Welcome, ${displayName}` }).waitFor();
}

/** A datetime-local value (local time, to the minute) some hours from now. */
function hoursFromNow(hours: number): string {
  const at = new Date(Date.now() + hours * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

describeInBrowser('the topic page in Chromium', () => {
  let t: TestApp;
  let browser: OpenBrowser;
  let other: OpenBrowser;
  beforeAll(async () => {
    t = await startTestApp();
    browser = await openBrowser();
    other = await openBrowser({ width: 360, height: 740 });
  });
  afterAll(async () => {
    await other?.close();
    await browser?.close();
    await t?.close();
  });
  // Tests post a lot through the API; moving past the flood window keeps them independent.
  beforeEach(() => t.clock.advance(61_000));

  /** A person signed in twice: in a browser (the page) and as an API client (for fast setup). */
  async function person(displayName: string) {
    const user = await buildUser(t.db, { displayName });
    return { ...user, displayName, api: await apiSignIn(t.url, user.email, user.password) };
  }
  type Person = Awaited<ReturnType<typeof person>>;

  async function open(who: Person, url: string, title: string, on: OpenBrowser = browser): Promise<Page> {
    await on.context.clearCookies();
    const page = await on.context.newPage();
    await signIn(page, t.url, who, who.displayName);
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    return page;
  }

  async function topicBy(client: Client, spaceId: string, title: string, extra: Record<string, unknown> = {}) {
    const response = await client.post(`${API}/spaces/${spaceId}/topics`, { title, body: 'Opening words', ...extra });
    expect(response.status).toBe(201);
    return { id: response.body.id as string, url: `${t.url}/forum/t/${response.body.id}` };
  }

  async function replyBy(client: Client, topicId: string, body: string) {
    const response = await client.post(`${API}/topics/${topicId}/posts`, { body });
    expect(response.status).toBe(201);
    return response.body as { id: string; postNumber: number };
  }

  const pressed = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).getAttribute('aria-pressed');

  it('keeps a bookmark across a reload, takes a future reminder, and removes the bookmark again', async () => {
    const author = await person('Ayo Author');
    const reader = await person('Rosa Reader');
    const space = await buildSpace(t.db, { name: 'Bookmarks space' });
    const topic = await topicBy(author.api, space.id, 'Readings on structural racism');
    await replyBy(author.api, topic.id, 'Start with the 2020 review.');

    const page = await open(reader, topic.url, 'Readings on structural racism');
    expect(await pressed(page, 'Bookmark post 2')).toBe('false');
    await page.getByRole('button', { name: 'Bookmark post 2', exact: true }).click();
    await page.getByText('Post 2 bookmarked.', { exact: false }).waitFor();
    expect(await pressed(page, 'Bookmark post 2')).toBe('true');
    await page.reload();
    await page.getByRole('button', { name: 'Bookmark post 2', exact: true }).waitFor();
    expect(await pressed(page, 'Bookmark post 2')).toBe('true');
    expect(await pressed(page, 'Bookmark post 1')).toBe('false');

    // A reminder must lie in the future; a valid one bookmarks the post with it.
    await page.getByRole('button', { name: 'Reminder for post 1' }).click();
    const when = page.getByLabel('Remind me about post 1', { exact: true });
    await when.fill(hoursFromNow(-2));
    await page.getByRole('button', { name: 'Save reminder' }).click();
    await page.getByText('Choose a time in the future.').waitFor();
    await when.fill(hoursFromNow(26));
    await page.getByRole('button', { name: 'Save reminder' }).click();
    await page.getByText('Post 1 bookmarked, with a reminder for', { exact: false }).waitFor();
    expect(await pressed(page, 'Bookmark post 1')).toBe('true');
    const [row] = await t.db.query('SELECT reminder_at FROM bookmark WHERE user_id = $1 AND reminder_at IS NOT NULL', [reader.id]);
    expect(new Date(row.reminder_at).getTime()).toBeGreaterThan(Date.now() + 25 * 3_600_000);

    await page.getByRole('button', { name: 'Bookmark post 2', exact: true }).click();
    await page.getByText('Bookmark on post 2 removed.').waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Bookmark post 2', exact: true }).waitFor();
    expect(await pressed(page, 'Bookmark post 2')).toBe('false');
    await page.close();
  });

  it('lets the author edit (showing "edited" and the earlier text under Revisions) and delete after a confirm step', async () => {
    const author = await person('Eli Editor');
    const peer = await person('Pat Peer');
    const space = await buildSpace(t.db, { name: 'Editing space' });
    const topic = await topicBy(author.api, space.id, 'Admissions essays');
    await replyBy(author.api, topic.id, 'A first **rough** thought.');
    await replyBy(author.api, topic.id, 'Something to take back.');

    const page = await open(author, topic.url, 'Admissions essays');
    await page.getByRole('button', { name: 'Edit post 2' }).click();
    const editor = page.getByLabel('Edit post 2', { exact: true });
    // The composer opens with the Markdown source, not the rendered text.
    await page.waitForFunction(() => (document.getElementById('edit-body-2') as HTMLTextAreaElement | null)?.value === 'A first **rough** thought.');
    await editor.fill('A second, _clearer_ thought.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const post2 = page.locator('#post-2');
    await post2.locator('.post-body em', { hasText: 'clearer' }).waitFor();
    expect(await post2.locator('.post-meta').innerText()).toContain('edited');

    await page.getByRole('button', { name: 'Revisions of post 2' }).click();
    const revisions = page.getByRole('region', { name: 'Revisions of post 2' });
    // What the edit changed, as a diff (the earlier text struck out, the new one added), and the whole earlier text.
    await revisions.getByLabel('removed: 1 line').getByText('A first **rough** thought.').waitFor();
    expect(await revisions.getByLabel('added: 1 line').innerText()).toContain('A second, _clearer_ thought.');

    await page.getByRole('button', { name: 'Delete post 3' }).click();
    await page.getByRole('button', { name: 'Keep it' }).click();
    expect(await page.locator('#post-3 .post-body').innerText()).toBe('Something to take back.');
    await page.getByRole('button', { name: 'Delete post 3' }).click();
    await page.getByRole('button', { name: 'Yes, delete post 3' }).click();
    await page.locator('#post-3').getByText('This post was deleted by its author.').waitFor();
    await page.close();

    // Someone else sees that it was edited, but neither the edit tools nor the revisions.
    const peerPage = await open(peer, topic.url, 'Admissions essays', other);
    await peerPage.locator('#post-2 .post-body em', { hasText: 'clearer' }).waitFor();
    expect(await peerPage.locator('#post-2 .post-meta').innerText()).toContain('edited');
    expect(await peerPage.getByRole('button', { name: /^(Edit|Delete|Revisions)/ }).count()).toBe(0);
    await peerPage.close();
  });

  it('jumps to the first unread post, loading the pages before it', async () => {
    const author = await person('Uma Unread');
    const reader = await person('Ray Returning');
    const space = await buildSpace(t.db, { name: 'Long threads' });
    const topic = await topicBy(author.api, space.id, 'A long conversation');
    for (let n = 2; n <= 60; n += 1) {
      // At most ten posts a minute per person: the test clock moves on instead of waiting.
      if (n % 9 === 0) t.clock.advance(61_000);
      await replyBy(author.api, topic.id, `Reply number ${n}.`);
    }
    expect((await reader.api.put(`${API}/topics/${topic.id}/read`, { postNumber: 55 })).status).toBe(204);

    const page = await open(reader, topic.url, 'A long conversation');
    await page.locator('#post-50').waitFor();
    expect(await page.locator('#post-56').count()).toBe(0);
    await page.getByRole('link', { name: 'Jump to first unread' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'post-56');
    expect(await page.locator('#post-56 .post-body').innerText()).toBe('Reply number 56.');
    const box = await page.locator('#post-56').boundingBox();
    expect(box && box.y >= -1 && box.y < 800).toBe(true);
    await page.close();
  });

  it('keeps a reply draft on the server across a reload, and drops it once the reply is posted or cleared', async () => {
    const author = await person('Dee Drafter');
    const space = await buildSpace(t.db, { name: 'Drafts space' });
    const topic = await topicBy(author.api, space.id, 'Mentoring across schools');
    const drafts = () => t.db.query('SELECT body FROM draft WHERE user_id = $1 AND target_id = $2', [author.id, topic.id]);

    const page = await open(author, topic.url, 'Mentoring across schools');
    const reply = page.getByLabel('Reply', { exact: true });
    await reply.fill('Half a thought');
    await page.getByText('Draft saved.').waitFor();
    expect(await drafts()).toEqual([{ body: 'Half a thought' }]);

    await page.reload();
    await page.getByText('Your saved draft was restored.').waitFor();
    expect(await reply.inputValue()).toBe('Half a thought');
    await reply.fill('Half a thought, now finished.');
    await page.getByRole('button', { name: 'Post reply' }).click();
    await page.locator('.post-body', { hasText: 'Half a thought, now finished.' }).waitFor();
    expect(await drafts()).toEqual([]);
    await page.reload();
    await page.locator('#post-2').waitFor();
    expect(await reply.inputValue()).toBe('');

    // Clearing the text removes the saved draft too.
    await reply.fill('Another idea');
    await page.getByText('Draft saved.').waitFor();
    await reply.fill('');
    await page.getByText('Draft discarded.').waitFor();
    expect(await drafts()).toEqual([]);
    await page.close();
  });

  it('lets the asker mark a reply as the answer, which everyone then sees; others cannot choose it', async () => {
    const asker = await person('Quinn Asker');
    const helper = await person('Hal Helper');
    const space = await buildSpace(t.db, { name: 'Questions space' });
    const topic = await topicBy(asker.api, space.id, 'Where is the bias training deck?', { kind: 'question' });
    await replyBy(helper.api, topic.id, 'Try the shared drive.');
    await replyBy(helper.api, topic.id, 'It is linked from the faculty handbook.');

    const page = await open(asker, topic.url, 'Where is the bias training deck?');
    await page.getByText('No answer chosen yet.').waitFor();
    await page.getByRole('button', { name: 'Mark as answer (post 3)' }).click();
    await page.getByText('Post 3 is now the answer.').waitFor();
    await page.locator('#post-3 .badge-answer', { hasText: 'Answer' }).waitFor();
    await page.getByRole('link', { name: 'Answered: see post #3' }).waitFor();
    expect(await page.locator('.badge-answer').count()).toBe(1);

    const helperPage = await open(helper, topic.url, 'Where is the bias training deck?', other);
    await helperPage.locator('#post-3 .badge-answer').waitFor();
    await helperPage.getByRole('link', { name: 'Answered: see post #3' }).click();
    await helperPage.waitForFunction(() => document.activeElement?.id === 'post-3');
    expect(await helperPage.getByRole('button', { name: /answer/ }).count()).toBe(0);
    await helperPage.close();

    await page.getByRole('button', { name: 'Unmark answer (post 3)' }).click();
    await page.getByText('No answer chosen yet.').waitFor();
    expect(await page.locator('.badge-answer').count()).toBe(0);
    await page.close();
  });

  it('folds posts behind content notes unless the reader chose to see them, and shows the notes either way', async () => {
    const author = await person('Nia Notes');
    const folds = await person('Fen Folds');
    const opensAll = await person('Ode Open');
    const space = await buildSpace(t.db, { name: 'Notes space' });
    const topic = await topicBy(author.api, space.id, 'A hard case from clinic', { contentNotes: ['racist remarks'] });
    const pref = await opensAll.api.put(`${API}/me/forum-preferences/content-notes`, { collapse: 'none', notes: [] });
    expect(pref.status).toBe(200);

    const page = await open(folds, topic.url, 'A hard case from clinic');
    await page.getByText('racist remarks', { exact: false }).waitFor();
    await page.getByText('The posts are hidden until you choose to show them.').waitFor();
    expect(await page.locator('.post').count()).toBe(0);
    await page.getByRole('button', { name: 'Show' }).click();
    await page.locator('#post-1 .post-body', { hasText: 'Opening words' }).waitFor();
    await page.close();

    const openPage = await open(opensAll, topic.url, 'A hard case from clinic', other);
    await openPage.getByText('racist remarks', { exact: false }).waitFor();
    await openPage.locator('#post-1 .post-body', { hasText: 'Opening words' }).waitFor();
    expect(await openPage.getByRole('button', { name: 'Show' }).count()).toBe(0);
    await openPage.close();
  });

  it('gives facilitators pin, archive and unlist, with the server’s refusal of a global pin, and everyone a notification level', async () => {
    const facilitator = await buildUser(t.db, { displayName: 'Fay Facilitator' });
    const space = await buildSpace(t.db, { name: 'Moderated space', facilitatorIds: [facilitator.id] });
    const fay: Person = { ...facilitator, displayName: 'Fay Facilitator', api: await apiSignIn(t.url, facilitator.email, facilitator.password) };
    const topic = await topicBy(fay.api, space.id, 'Start of term notes');

    const page = await open(fay, topic.url, 'Start of term notes');
    await page.getByRole('heading', { level: 2, name: 'Pin, archive, unlist' }).waitFor();
    await page.getByLabel('Pinned', { exact: true }).selectOption('global');
    await page.getByRole('button', { name: 'Save topic settings' }).click();
    await page.getByText('Only consortium admins pin topics globally').waitFor();
    await page.getByLabel('Pinned', { exact: true }).selectOption('space');
    await page.getByLabel('Archived', { exact: true }).check();
    await page.getByRole('button', { name: 'Save topic settings' }).click();
    await page.getByText('Saved: pinned in this space, archived, listed.').waitFor();
    await page.getByText('Pinned in this space', { exact: true }).first().waitFor();
    const [row] = await t.db.query('SELECT pinned, archived, unlisted FROM topic WHERE id = $1', [topic.id]);
    expect(row).toEqual({ pinned: 'space', archived: true, unlisted: false });

    // The topic author follows what they posted in; "Watching" is one click away and kept.
    await page.getByRole('radio', { name: 'Tracking' }).waitFor();
    expect(await page.getByRole('radio', { name: 'Tracking' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: 'Watching' }).check();
    await page.getByText('You are now watching this topic.').waitFor();
    await page.reload();
    await page.getByRole('radio', { name: 'Watching' }).waitFor();
    await page.waitForFunction(() => (document.getElementById('subscription-watching') as HTMLInputElement | null)?.checked === true);
    await page.close();
  });
});
