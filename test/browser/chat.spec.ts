/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { buildInstitution, buildUser, type BuildUserOptions } from '@app/testing';
import type { Page } from 'playwright-core';
import { signIn as apiSignIn, startTestApp, type TestApp } from '../support/test-app';
import { describeInBrowser, openBrowser, type OpenBrowser } from './browser-support';

const API = '/api/v1';

describeInBrowser('Chats for Change in Chromium', () => {
  let t: TestApp;
  // One browser per person: separate cookies, separate sockets. The second participant is on a phone-sized screen.
  let facilitatorBrowser: OpenBrowser;
  let firstBrowser: OpenBrowser;
  let secondBrowser: OpenBrowser;
  beforeAll(async () => {
    t = await startTestApp();
    [facilitatorBrowser, firstBrowser, secondBrowser] = await Promise.all([
      openBrowser(),
      openBrowser(),
      openBrowser({ width: 360, height: 740 }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([facilitatorBrowser?.close(), firstBrowser?.close(), secondBrowser?.close()]);
    await t?.close();
  });

  /** A person, signed in as an API client; their browser gets the same session cookie. */
  async function person(displayName: string, options: BuildUserOptions = {}) {
    const user = await buildUser(t.db, { displayName, ...options });
    return { ...user, displayName, api: await apiSignIn(t.url, user.email, user.password) };
  }
  type Person = Awaited<ReturnType<typeof person>>;

  async function open(browser: OpenBrowser, who: Person, path: string): Promise<Page> {
    await browser.context.clearCookies();
    const [name, value] = who.api.cookie!.split('=');
    await browser.context.addCookies([{ name, value, url: t.url }]);
    const page = await browser.context.newPage();
    // A step that waits this long has failed: say which one, well before the test's own time runs out.
    page.setDefaultTimeout(10_000);
    await page.goto(`${t.url}${path}`);
    return page;
  }

  async function roomBy(who: Person, body: Record<string, unknown>) {
    const response = await who.api.post(`${API}/rooms`, body);
    expect(response.status).toBe(201);
    return response.body as { id: string; title: string };
  }

  const log = (page: Page, title: string) => page.getByRole('log', { name: `Messages in ${title}` });
  /** A message by its text; its article is named "Message N" after its seq. */
  const messageWith = (page: Page, title: string, text: string) =>
    log(page, title).locator('article', { has: page.locator('.chat-body', { hasText: text }) });
  const composer = (page: Page) => page.getByLabel('Message', { exact: true });

  async function say(page: Page, text: string, title: string) {
    await composer(page).fill(text);
    await composer(page).press('Enter');
    await log(page, title).locator('.chat-body', { hasText: text }).waitFor();
  }

  const STAGE_LABELS: Record<string, string> = { agreements: 'Agreements', framing: 'Framing', breakouts: 'Breakouts', report_out: 'Report-out', closed: 'Closed' };

  /** Moves the session and waits until the facilitator's page shows it: the tools below depend on the stage. */
  async function moveStage(page: Page, stage: string, timerMinutes?: string) {
    await page.getByLabel('Move to stage', { exact: true }).selectOption(stage);
    if (timerMinutes) await page.getByLabel('Timer (minutes)', { exact: true }).fill(timerMinutes);
    await page.getByRole('button', { name: 'Move session' }).click();
    await page.getByText(new RegExp(`is at ${STAGE_LABELS[stage]}\\.`)).waitFor();
  }

  /** Opens one of the facilitator's tools (a disclosure). */
  const openTool = (page: Page, name: string) => page.locator('summary', { hasText: name }).click();

  async function setRoomState(page: Page, state: string, reason: string) {
    await page.getByLabel('Room state', { exact: true }).selectOption(state);
    await page.getByLabel('Reason, said in the room', { exact: true }).fill(reason);
    await page.getByRole('button', { name: 'Set room state' }).click();
  }

  it('runs a short session live: agreements, check-in, framing with a pinned definition, messages both ways, pause and close', async () => {
    const school = await buildInstitution(t.db, { name: 'Riverside Medical School' });
    const fran = await person('Fran Facilitator', { platformRole: 'facilitator' });
    const ada = await person('Ada Member', { institutionId: school.id });
    const ben = await person('Ben Member', { institutionId: school.id });
    const title = 'Naming racism in the curriculum';

    // The facilitator opens the room, with its agreements, from the list of chats.
    const pf = await open(facilitatorBrowser, fran, '/');
    await pf.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Chats' }).click();
    await pf.getByRole('heading', { level: 1, name: 'Chats for Change' }).waitFor();
    await pf.getByRole('button', { name: 'New room' }).click();
    await pf.getByLabel('Room title', { exact: true }).fill(title);
    await pf.getByLabel('Who the room is for', { exact: true }).selectOption({ label: 'School: Riverside Medical School' });
    await pf
      .getByLabel('Community agreements', { exact: true })
      .fill('We speak from our own experience.\nWhat is shared here stays here.');
    await pf.getByRole('button', { name: 'Open room' }).click();
    await pf.getByRole('heading', { level: 1, name: title }).waitFor();
    const roomPath = new URL(pf.url()).pathname;
    expect(roomPath).toMatch(/^\/chat\/r\/[0-9a-f-]{36}$/);

    // Each participant reads and accepts the agreements before the conversation opens to them.
    const [pa, pb] = await Promise.all([open(firstBrowser, ada, roomPath), open(secondBrowser, ben, roomPath)]);
    for (const page of [pa, pb]) {
      await page.getByRole('heading', { level: 2, name: 'Community agreements' }).waitFor();
      await page.getByText('We speak from our own experience.').waitFor();
      expect(await composer(page).count()).toBe(0);
      await page.getByRole('button', { name: 'I accept these agreements' }).click();
      await composer(page).waitFor();
    }
    // Presence names everyone in a named room.
    await pf.getByText('3 people here: Ada Member, Ben Member, Fran Facilitator').waitFor();

    // The session starts with its check-in; the answers are read together.
    await pf.getByLabel('Check-in prompt', { exact: true }).fill('One word for how you are arriving');
    await pf.getByRole('button', { name: 'Start session' }).click();
    for (const [page, word] of [
      [pa, 'Hopeful'],
      [pb, 'Tired'],
    ] as const) {
      await page.getByRole('heading', { level: 2, name: 'Check-in' }).waitFor();
      await page.getByText('One word for how you are arriving').first().waitFor();
      await page.getByLabel('Your check-in answer', { exact: true }).fill(word);
      await page.getByRole('button', { name: 'Share check-in' }).click();
      await page.getByText('You have checked in.').waitFor();
    }
    for (const page of [pa, pb, pf]) {
      const group = page.getByRole('region', { name: 'Check-in, session 1' });
      await group.getByText('Hopeful').waitFor();
      await group.getByText('Tired').waitFor();
    }
    expect(await pa.locator('nav[aria-label="Session 1 stages"] [aria-current="step"]').innerText()).toContain('Check-in');

    // The agreements stage asks everyone to affirm them again for this session.
    await moveStage(pf, 'agreements');
    for (const page of [pa, pb]) {
      await page.getByRole('heading', { level: 2, name: 'Re-affirm the agreements for this session' }).waitFor();
      await page.getByRole('button', { name: 'I re-affirm these agreements' }).click();
      await page.getByRole('heading', { name: 'Re-affirm the agreements for this session' }).waitFor({ state: 'detached' });
    }

    // Framing, with a timer everyone sees count down, and the definition pinned above the conversation.
    await moveStage(pf, 'framing', '5');
    await pa.getByRole('timer').waitFor();
    expect(await pa.getByRole('timer').innerText()).toMatch(/^[45]:\d\d$/);
    expect(await pb.locator('[aria-current="step"]').innerText()).toContain('Framing');
    const definition = 'Structural racism: the ways institutions reproduce racial inequity, with or without intent.';
    await say(pf, definition, title);
    const framing = log(pf, title).locator('article', { hasText: definition });
    await framing.getByRole('button', { name: /^More actions for message/ }).click();
    await framing.getByRole('button', { name: /^Pin message/ }).click();
    for (const page of [pa, pb]) await page.getByRole('region', { name: 'Pinned' }).getByText(definition).waitFor();

    // Messages flow live both ways, with typing shown and replies pointing at what they answer.
    const adaText = 'Our renal cases still use race as a risk factor.';
    await composer(pa).pressSequentially('Our renal');
    // The facilitator may still show as typing too ("Fran Facilitator, Ada Member are typing…").
    await pb.locator('.chat-typing', { hasText: /Ada Member.* typing…/ }).waitFor();
    await composer(pa).fill(adaText);
    await composer(pa).press('Enter');
    await messageWith(pb, title, adaText).waitFor();
    const adaLabel = (await messageWith(pb, title, adaText).getAttribute('aria-label'))!;
    const adaMessage = log(pb, title).getByRole('article', { name: adaLabel, exact: true });
    expect(await composer(pa).inputValue()).toBe('');
    await adaMessage.getByRole('button', { name: /^Reply to message/ }).click();
    await pb.getByText(/^Replying to #\d+ \(Ada Member\)/).waitFor();
    await composer(pb).fill('Same in our cardiology block.\nI can bring examples.');
    await composer(pb).press('Enter');
    const reply = messageWith(pa, title, 'Same in our cardiology block.');
    await reply.getByText(/In reply to #\d+ \(Ada Member\)/).waitFor();
    expect(await reply.locator('.chat-body').innerText()).toContain('I can bring examples.');

    // Reactions and the author's own edit reach the others live.
    await reply.getByRole('button', { name: /^React message/ }).click();
    await reply.getByRole('button', { name: /^Heart 0/ }).click();
    await reply.locator('button[aria-pressed="true"]', { hasText: 'Heart 1' }).waitFor();
    await messageWith(pb, title, 'Same in our cardiology block.')
      .getByRole('button', { name: /^Heart 1/ })
      .waitFor();
    const own = log(pa, title).getByRole('article', { name: adaLabel, exact: true });
    await own.getByRole('button', { name: /^More actions/ }).click();
    await own.getByRole('button', { name: /^Edit message/ }).click();
    const editBox = own.getByLabel(/^Edit message \d+$/);
    expect(await editBox.inputValue()).toBe(adaText);
    await editBox.fill('Our renal cases still use race as a **risk factor**.');
    await own.getByRole('button', { name: 'Save', exact: true }).click();
    await adaMessage.locator('strong', { hasText: 'risk factor' }).waitFor();
    await adaMessage.getByText(/· edited/).waitFor();

    // Paused: everyone reads, nobody but the facilitators writes.
    await openTool(pf, 'Room state');
    await setRoomState(pf, 'paused', 'Taking a breath together');
    for (const page of [pa, pb]) {
      await page.getByText('A facilitator has paused the room: you can read, but not write').waitFor();
      await composer(page).waitFor({ state: 'detached' });
      await page.getByText('Read only for now').waitFor();
      await log(page, title).getByText('paused the room (read-only): Taking a breath together').waitFor();
    }
    await setRoomState(pf, 'open', 'Back to it');
    await composer(pa).waitFor();
    await say(pa, 'Thank you for the pause.', title);
    await log(pb, title).getByText('Thank you for the pause.').waitFor();

    // Closed: the conversation stays to read.
    await setRoomState(pf, 'closed', 'Thank you all');
    for (const page of [pa, pb]) {
      await page.getByText('This room is closed. The conversation stays here to read.').waitFor();
      await composer(page).waitFor({ state: 'detached' });
      await log(page, title).locator('.chat-body', { hasText: 'Our renal cases still use race as a' }).waitFor();
    }
    await Promise.all([pa.close(), pb.close(), pf.close()]);
  });

  it('keeps an anonymous room anonymous for peers, while the facilitator can reveal an author with a reason', async () => {
    const school = await buildInstitution(t.db);
    const fran = await person('Farah Facilitator', { platformRole: 'facilitator' });
    const ada = await person('Adaeze Okoro', { institutionId: school.id });
    const ben = await person('Bongani Dube', { institutionId: school.id });
    const room = await roomBy(fran, { title: 'Stories we carry', scope: `inst:${school.id}`, anonymous: true });
    const sent = await ben.api.post(`${API}/rooms/${room.id}/messages`, {
      clientId: 'ben-first',
      body: 'Something I witnessed on rounds.',
    });
    expect(sent.status).toBe(201);

    const pa = await open(firstBrowser, ada, `/chat/r/${room.id}`);
    await pa.getByRole('heading', { level: 1, name: 'Stories we carry' }).waitFor();
    const bens = log(pa, room.title).locator('article', { hasText: 'Something I witnessed on rounds.' });
    await bens.locator('.chat-author', { hasText: /^Participant 1\b/ }).waitFor();
    await say(pa, 'Thank you for telling us.', room.title);
    await log(pa, room.title)
      .locator('article', { hasText: 'Thank you for telling us.' })
      .locator('.chat-author', { hasText: /^Participant 2\b/ })
      .waitFor();
    await pa.getByText(/^\d+ (person|people) here$/).waitFor();

    const pf = await open(facilitatorBrowser, fran, `/chat/r/${room.id}`);
    await log(pf, room.title)
      .locator('article', { hasText: 'Something I witnessed on rounds.' })
      .locator('.chat-author', { hasText: /^Participant 1\b/ })
      .waitFor();
    // Typing and names would tie pseudonyms to people: in an anonymous room neither is shown.
    await composer(pf).pressSequentially('Welcome');
    await pa.getByText('2 people here', { exact: true }).waitFor();
    for (const page of [pa, pf]) {
      const text = await page.locator('body').innerText();
      expect(text).not.toContain('Bongani');
      expect(text).not.toContain('is typing');
      expect(await page.content()).not.toContain(ben.id);
    }
    expect(await pa.locator('body').innerText()).not.toContain('Farah');

    // Only the facilitator can reveal, and only with a reason.
    expect(await bens.getByRole('button', { name: /^More actions/ }).count()).toBe(1);
    await bens.getByRole('button', { name: /^More actions/ }).click();
    expect(await bens.getByRole('button', { name: /^Reveal author/ }).count()).toBe(0);
    const inFacilitatorLog = log(pf, room.title).locator('article', { hasText: 'Something I witnessed on rounds.' });
    await inFacilitatorLog.getByRole('button', { name: /^More actions/ }).click();
    await inFacilitatorLog.getByRole('button', { name: /^Reveal author/ }).click();
    await inFacilitatorLog.getByRole('button', { name: 'Reveal author', exact: true }).click();
    await inFacilitatorLog.getByText('A reason is needed.').waitFor();
    await inFacilitatorLog.getByLabel(/^Reason for revealing/).fill('A participant raised a safety concern');
    await inFacilitatorLog.getByRole('button', { name: 'Reveal author', exact: true }).click();
    await inFacilitatorLog.getByText('revealed: Bongani Dube').waitFor();
    expect(await pa.locator('body').innerText()).not.toContain('Bongani');
    const audit = await t.db.query(`SELECT data FROM audit_entry WHERE action = 'chat.reveal' AND target_id = $1`, [
      sent.body.id,
    ]);
    expect(audit.map((row: { data: unknown }) => row.data)).toEqual([{ reason: 'A participant raised a safety concern' }]);
    await Promise.all([pa.close(), pf.close()]);
  });

  it('resumes after a dropped connection: the message in flight is written once, and what was missed arrives', async () => {
    const school = await buildInstitution(t.db);
    const fran = await person('Femi Facilitator', { platformRole: 'facilitator' });
    const ada = await person('Amani Member', { institutionId: school.id });
    const ben = await person('Bea Member', { institutionId: school.id });
    const room = await roomBy(fran, { title: 'Resuming', scope: `inst:${school.id}` });

    // The connection drops right after a send reaches the server, before its acknowledgement comes back.
    let upgraded!: () => void;
    const onWebSocket = new Promise<void>((resolve) => (upgraded = resolve));
    let dropNextSend = true;
    let dropped!: () => void;
    const onDropped = new Promise<void>((resolve) => (dropped = resolve));
    await firstBrowser.context.clearCookies();
    const [name, value] = ada.api.cookie!.split('=');
    await firstBrowser.context.addCookies([{ name, value, url: t.url }]);
    const pa = await firstBrowser.context.newPage();
    pa.setDefaultTimeout(10_000);
    await pa.routeWebSocket(/\/realtime\//, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((frame) => {
        server.send(frame);
        if (frame === '5') upgraded();
        if (dropNextSend && typeof frame === 'string' && frame.includes('"chat:send"')) {
          dropNextSend = false;
          ws.close();
          dropped();
        }
      });
    });
    await pa.goto(`${t.url}/chat/r/${room.id}`);
    await pa.getByText('Connected: new messages appear as they are sent.').waitFor();
    await onWebSocket;

    await composer(pa).fill('Sent just as the connection dropped.');
    await composer(pa).press('Enter');
    await onDropped;
    const missed = await ben.api.post(`${API}/rooms/${room.id}/messages`, {
      clientId: 'while-away',
      body: 'Said while Amani was away.',
    });
    expect(missed.status).toBe(201);

    // Back online, the page joins again after the last seq it holds and sends the pending message again, same client id.
    await log(pa, room.title).locator('.chat-body', { hasText: 'Said while Amani was away.' }).waitFor();
    await log(pa, room.title).locator('.chat-body', { hasText: 'Sent just as the connection dropped.' }).waitFor();
    await pa.getByText('Connected: new messages appear as they are sent.').waitFor();
    expect(await log(pa, room.title).getByText('Not sent yet', { exact: false }).count()).toBe(0);
    expect(await log(pa, room.title).locator('.chat-body', { hasText: 'Sent just as the connection dropped.' }).count()).toBe(1);
    const written = await t.db.query(`SELECT count(*)::int AS count FROM chat_message WHERE room_id = $1 AND source = $2`, [
      room.id,
      'Sent just as the connection dropped.',
    ]);
    expect(written[0].count).toBe(1);
    await pa.close();
  });

  it('moves participants into a breakout and back, and gives the facilitator balance, reports and a transcript', async () => {
    const school = await buildInstitution(t.db);
    const fran = await person('Fola Facilitator', { platformRole: 'facilitator' });
    const ada = await person('Aiyana Member', { institutionId: school.id });
    const ben = await person('Bao Member', { institutionId: school.id });
    const room = await roomBy(fran, { title: 'Change targets', scope: `inst:${school.id}` });
    expect((await fran.api.post(`${API}/rooms/${room.id}/sessions`, {})).status).toBe(201);

    const [pa, pb, pf] = await Promise.all([
      open(firstBrowser, ada, `/chat/r/${room.id}`),
      open(secondBrowser, ben, `/chat/r/${room.id}`),
      open(facilitatorBrowser, fran, `/chat/r/${room.id}`),
    ]);
    await pf.getByText('3 people here: Aiyana Member, Bao Member, Fola Facilitator').waitFor();

    await moveStage(pf, 'breakouts');
    await openTool(pf, 'Breakouts');
    await pf.getByLabel('Number of breakouts', { exact: true }).fill('1');
    await pf.getByLabel('Guiding question', { exact: true }).fill('What would you change first?');
    await pf.getByRole('button', { name: 'Open breakouts' }).click();
    await pf.getByText('1 breakout opened.').waitFor();

    for (const page of [pa, pb]) {
      await page.getByRole('heading', { level: 2, name: 'Breakout 1' }).waitFor();
      await page.getByText('What would you change first?').waitFor();
    }
    await pa.getByLabel('Message to Breakout 1', { exact: true }).fill('Start with the case vignettes.');
    await pa.getByLabel('Message to Breakout 1', { exact: true }).press('Enter');
    await log(pb, 'Breakout 1').getByText('Start with the case vignettes.').waitFor();
    // Stepping back to the main room and into the breakout again.
    await pb.getByRole('button', { name: 'Back to the main room' }).click();
    await log(pb, room.title).waitFor();
    await pb.getByRole('button', { name: 'Go to your breakout' }).click();
    await log(pb, 'Breakout 1').getByText('Start with the case vignettes.').waitFor();
    // The facilitator visits the breakout.
    await pf.getByRole('button', { name: 'Visit Breakout 1' }).click();
    await log(pf, 'Breakout 1').getByText('Start with the case vignettes.').waitFor();

    // Report-out brings everyone back to the main room.
    await moveStage(pf, 'report_out');
    for (const page of [pa, pb]) {
      await log(page, room.title).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Breakout 1' }).waitFor({ state: 'detached' });
    }
    await say(pa, 'We would start with the vignettes.', room.title);

    // A participant reports a message privately; the facilitator reviews it.
    const reported = log(pb, room.title).locator('article', { hasText: 'We would start with the vignettes.' });
    await reported.getByRole('button', { name: /^More actions/ }).click();
    await reported.getByRole('button', { name: /^Flag message/ }).click();
    await reported.getByLabel('Off-topic', { exact: true }).check();
    await reported.getByLabel('Private note', { exact: true }).fill('Belongs to the next session');
    await reported.getByRole('button', { name: 'Send report' }).click();
    await reported.getByText('Thank you. The facilitators will review your report').waitFor();
    await openTool(pf, 'Reports');
    const report = pf.getByRole('list', { name: 'Open reports' }).getByRole('listitem');
    await report.getByText('reported by Bao Member').waitFor();
    await report.getByText('Note: Belongs to the next session').waitFor();
    await report.getByRole('button', { name: /^Dismiss/ }).click();
    await pf.getByText('No open reports.').waitFor();

    // A muted participant reads along until the mute ends.
    await openTool(pf, 'Participants');
    await pf.getByRole('button', { name: 'Mute Bao Member' }).click();
    await pf.getByLabel('Minutes to mute Bao Member', { exact: true }).fill('5');
    await pf.getByRole('button', { name: 'Mute', exact: true }).click();
    await pf.getByText('Bao Member is muted.').waitFor();
    await pb.getByText('A facilitator has muted you in this room until').waitFor();
    await composer(pb).waitFor({ state: 'detached' });

    // Participation balance: who has spoken, and who not yet.
    await openTool(pf, 'Participation balance');
    await pf
      .getByRole('row', { name: /Aiyana Member/ })
      .getByText('2 (100%)')
      .waitFor();
    await pf
      .getByText('Not yet spoken:')
      .locator('..')
      .getByText(/Bao Member/)
      .waitFor();

    // The transcript names nobody.
    await openTool(pf, 'Transcripts');
    const [download] = await Promise.all([
      pf.waitForEvent('download'),
      pf.getByRole('link', { name: /^Download Markdown/ }).click(),
    ]);
    const transcript = readFileSync((await download.path())!, 'utf8');
    expect(transcript).toContain('# Change targets — session 1');
    expect(transcript).toContain('Start with the case vignettes.');
    expect(transcript).toContain('## Breakout: Breakout 1');
    expect(transcript).not.toContain('Aiyana');
    await Promise.all([pa.close(), pb.close(), pf.close()]);
  });
});
