import { startTestApp, type TestApp } from '../../support/test-app';
import { afterFloodWindow, API, buildWorld, count, person, space, startTopic, type World } from './forum-support';

let t: TestApp;
let w: World;
let schoolSpace: { id: string };
beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
  schoolSpace = await space(t, { scopeKey: `inst:${w.schoolA.id}` });
});
afterAll(() => t.close());
beforeEach(() => afterFloodWindow(t));

const handleOf = async (client: World['memberA']['client']) => (await client.get(`${API}/me`)).body.handle as string;

describe('handles and @mentions', () => {
  it('gives every person a unique handle, shown on /me and in the directory', async () => {
    const a = await person(t, { email: 'sam.lee@riverside.test', institutionId: w.schoolA.id });
    const b = await person(t, { email: 'sam.lee@northfield.test', institutionId: w.schoolB.id });
    expect(await handleOf(a.client)).toBe('sam.lee');
    expect(await handleOf(b.client)).toBe('sam.lee2');
    const directory = await a.client.get(`${API}/members?q=${encodeURIComponent(a.displayName)}`);
    expect(directory.body.items[0].handle).toBe('sam.lee');
  });

  it('turns @handle into a mention of someone who can read the space, and leaves unknown handles and code as text', async () => {
    const colleague = await person(t, { email: 'colleague@riverside.test', institutionId: w.schoolA.id });
    const topic = await startTopic(w.memberA.client, schoolSpace.id, {
      body: 'Thank you @colleague for this, and hello @nobody-here. `@colleague` in code stays text.',
    });
    const posts = await w.memberA.client.get(`${API}/topics/${topic.id}/posts`);
    const html: string = posts.body.items[0].html;
    expect(html).toContain('<span class="mention" data-handle="colleague">@colleague</span>');
    expect(html).toContain('@nobody-here');
    expect(html).not.toContain('data-handle="nobody-here"');
    expect(html).toContain('<code>@colleague</code>');
    expect(colleague.id).toBeDefined();
  });

  it('refuses to mention a person who cannot see the space, with 400 MENTION_OUT_OF_SCOPE, and writes nothing', async () => {
    await person(t, { email: 'outsider@northfield.test', institutionId: w.schoolB.id });
    const before = await count(t, 'SELECT count(*) FROM topic');
    const response = await w.memberA.client.post(`${API}/spaces/${schoolSpace.id}/topics`, {
      title: 'Private to our school',
      body: 'Should @outsider see this?',
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('MENTION_OUT_OF_SCOPE');
    expect(await count(t, 'SELECT count(*) FROM topic')).toBe(before);
  });

  it('refuses the same in a reply', async () => {
    const topic = await startTopic(w.memberA.client, schoolSpace.id);
    const before = await count(t, 'SELECT count(*) FROM post WHERE topic_id = $1', [topic.id]);
    const response = await w.memberA.client.post(`${API}/topics/${topic.id}/posts`, { body: 'cc @outsider' });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('MENTION_OUT_OF_SCOPE');
    expect(await count(t, 'SELECT count(*) FROM post WHERE topic_id = $1', [topic.id])).toBe(before);
  });
});

describe('mention suggestions', () => {
  it('suggests only people who may read the space, by handle or name prefix', async () => {
    await person(t, { email: 'dana.inside@riverside.test', institutionId: w.schoolA.id });
    await person(t, { email: 'dana.outside@northfield.test', institutionId: w.schoolB.id });
    const response = await w.memberA.client.get(`${API}/spaces/${schoolSpace.id}/mentionable?q=dana`);
    expect(response.status).toBe(200);
    const handles = response.body.items.map((item: { handle: string }) => item.handle);
    expect(handles).toContain('dana.inside');
    expect(handles).not.toContain('dana.outside');
  });

  it('answers 404 for a space the caller cannot read', async () => {
    const response = await w.memberB.client.get(`${API}/spaces/${schoolSpace.id}/mentionable?q=dana`);
    expect(response.status).toBe(404);
  });
});

describe('mentions in edits', () => {
  it('applies the same rules when a post is edited', async () => {
    await person(t, { email: 'editor.friend@riverside.test', institutionId: w.schoolA.id });
    const topic = await startTopic(w.memberA.client, schoolSpace.id);
    const [first] = (await w.memberA.client.get(`${API}/topics/${topic.id}/posts`)).body.items;
    const edited = await w.memberA.client.patch(`${API}/posts/${first.id}`, { body: 'Adding @editor.friend' });
    expect(edited.status).toBe(200);
    expect(edited.body.html).toContain('data-handle="editor.friend"');
    const refused = await w.memberA.client.patch(`${API}/posts/${first.id}`, { body: 'And @outsider' });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('MENTION_OUT_OF_SCOPE');
  });
});
