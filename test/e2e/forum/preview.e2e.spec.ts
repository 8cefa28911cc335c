import { startTestApp, type TestApp } from '../../support/test-app';
import { API, buildWorld, count, person, space, startTopic, type World } from './forum-support';

let t: TestApp;
let w: World;
let schoolSpace: { id: string };
beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
  schoolSpace = await space(t, { scopeKey: `inst:${w.schoolA.id}` });
  await person(t, { email: 'ally@riverside.test', institutionId: w.schoolA.id });
  await person(t, { email: 'far.away@northfield.test', institutionId: w.schoolB.id });
});
afterAll(() => t.close());

describe('Markdown preview', () => {
  it('renders a new topic body as posting would, mentions included, and writes nothing', async () => {
    const before = await count(t, 'SELECT count(*) FROM post');
    const response = await w.memberA.client.post(`${API}/spaces/${schoolSpace.id}/preview`, {
      body: '**Bold** thanks @ally <script>alert(1)</script> [x](javascript:alert(1))',
    });
    expect(response.status).toBe(200);
    expect(response.body.html).toContain('<strong>Bold</strong>');
    expect(response.body.html).toContain('<span class="mention" data-handle="ally">@ally</span>');
    expect(response.body.html).not.toContain('<script');
    expect(response.body.html).not.toContain('href="javascript:');
    expect(await count(t, 'SELECT count(*) FROM post')).toBe(before);
  });

  it('renders a reply with quote links back into its topic', async () => {
    const topic = await startTopic(w.memberA.client, schoolSpace.id);
    const response = await w.memberA.client.post(`${API}/topics/${topic.id}/preview`, { body: '[quote=1]\nEarlier\n[/quote]\nAgreed.' });
    expect(response.status).toBe(200);
    expect(response.body.html).toContain(`/forum/t/${topic.id}#post-1`);
  });

  it('gives an empty preview for an empty body', async () => {
    const response = await w.memberA.client.post(`${API}/spaces/${schoolSpace.id}/preview`, { body: '   ' });
    expect(response.status).toBe(200);
    expect(response.body.html).toBe('');
  });

  it('says MENTION_OUT_OF_SCOPE before posting, as posting would', async () => {
    const response = await w.memberA.client.post(`${API}/spaces/${schoolSpace.id}/preview`, { body: 'cc @far.away' });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('MENTION_OUT_OF_SCOPE');
  });

  it('refuses more than 64 KB with POST_TOO_LONG', async () => {
    const response = await w.memberA.client.post(`${API}/spaces/${schoolSpace.id}/preview`, { body: 'a'.repeat(64 * 1024 + 1) });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('POST_TOO_LONG');
  });

  it('is 404 for a space or topic the caller cannot read', async () => {
    const topic = await startTopic(w.memberA.client, schoolSpace.id);
    const inSpace = await w.memberB.client.post(`${API}/spaces/${schoolSpace.id}/preview`, { body: 'hello' });
    const inTopic = await w.memberB.client.post(`${API}/topics/${topic.id}/preview`, { body: 'hello' });
    expect([inSpace.status, inSpace.body.code]).toEqual([404, 'NOT_FOUND']);
    expect([inTopic.status, inTopic.body.code]).toEqual([404, 'NOT_FOUND']);
  });
});
