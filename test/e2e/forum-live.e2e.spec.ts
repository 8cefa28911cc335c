import { buildInstitution } from '@app/testing';
import type { Socket } from 'socket.io-client';
import { ack, collect, connect } from '../support/socket-support';
import { describeWithRedis, personSignedIn, startTestApp, type Client, type TestApp } from '../support/test-app';

async function createSpace(admin: Client, body: object) {
  const response = await admin.post('/api/v1/spaces', body);
  expect(response.status).toBe(201);
  return response.body as { id: string };
}

describe('live forum updates over socket.io', () => {
  let t: TestApp;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await t.close();
  });

  it('delivers new posts, hides and state changes to readers in the topic room, with anonymous authors kept anonymous', async () => {
    const admin = await personSignedIn(t, { platformRole: 'admin' });
    const facilitator = await personSignedIn(t, { platformRole: 'facilitator' });
    const space = await createSpace(admin.client, { name: 'Live dialogue', scope: 'consortium', allowAnonymous: true });
    await admin.client.put(`/api/v1/spaces/${space.id}/facilitators`, { userIds: [facilitator.id] });
    const author = await personSignedIn(t, { displayName: 'Hidden Author' });
    const reader = await personSignedIn(t);
    const topic = await author.client.post(`/api/v1/spaces/${space.id}/topics`, { title: 'Naming harm', body: 'Opening words' });
    expect(topic.status).toBe(201);

    const socket = await connect(t.url, reader.client.cookie!);
    sockets.push(socket);
    expect(await ack(socket, 'topic:join', { topicId: topic.body.id })).toEqual({ ok: true });
    const created = collect(socket, 'post:created');
    const updated = collect(socket, 'post:updated');
    const topicUpdated = collect(socket, 'topic:updated');

    const reply = await author.client.post(`/api/v1/topics/${topic.body.id}/posts`, {
      body: 'Said anonymously',
      anonymous: true,
    });
    expect(reply.status).toBe(201);
    const [live] = await created.waitFor(1);
    expect(live).toMatchObject({ id: reply.body.id, postNumber: 2, author: { anonymous: true, displayName: 'Participant 1' } });
    expect(JSON.stringify(live)).not.toContain(author.id);
    expect(JSON.stringify(live)).not.toContain('Hidden Author');
    expect(live).not.toHaveProperty('mine');

    await facilitator.client.post(`/api/v1/posts/${reply.body.id}/hide`, { reason: 'Names a colleague' });
    const [hidden] = await updated.waitFor(1);
    expect(hidden).toMatchObject({ id: reply.body.id, status: 'hidden', html: null, hiddenReason: 'Names a colleague' });

    await facilitator.client.post(`/api/v1/topics/${topic.body.id}/state`, { state: 'paused', reason: 'Taking a breath' });
    await topicUpdated.waitFor(1);
    expect(topicUpdated.received[0]).toEqual({ topicId: topic.body.id });
    await created.waitFor(2);
    expect(created.received[1].html).toContain('Taking a breath');
  });

  it('refuses to join a topic or space the person may not read, as NOT_FOUND, and sends them nothing from it', async () => {
    const admin = await personSignedIn(t, { platformRole: 'admin' });
    const school = await buildInstitution(t.db);
    const other = await buildInstitution(t.db);
    const space = await createSpace(admin.client, { name: 'School only', scope: `inst:${school.id}` });
    const insider = await personSignedIn(t, { institutionId: school.id });
    const outsider = await personSignedIn(t, { institutionId: other.id });
    const topic = await insider.client.post(`/api/v1/spaces/${space.id}/topics`, { title: 'Inside', body: 'Our school only' });
    expect(topic.status).toBe(201);

    const socket = await connect(t.url, outsider.client.cookie!);
    sockets.push(socket);
    expect(await ack(socket, 'topic:join', { topicId: topic.body.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await ack(socket, 'space:join', { spaceId: space.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await ack(socket, 'topic:join', { topicId: 'not-a-uuid' })).toMatchObject({ ok: false, code: 'INVALID_ID' });
    const leaked = collect(socket, 'post:created');
    const leakedTopics = collect(socket, 'topic:created');
    await insider.client.post(`/api/v1/topics/${topic.body.id}/posts`, { body: 'Still private' });
    await insider.client.post(`/api/v1/spaces/${space.id}/topics`, { title: 'Another', body: 'Private too' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(leaked.received).toEqual([]);
    expect(leakedTopics.received).toEqual([]);
  });

  it('tells a space room about new topics, but not about posts still awaiting approval', async () => {
    const admin = await personSignedIn(t, { platformRole: 'admin' });
    const space = await createSpace(admin.client, { name: 'Moderated', scope: 'consortium', firstPostsNeedApproval: true });
    const watcher = await personSignedIn(t);
    const newcomer = await personSignedIn(t);
    const socket = await connect(t.url, watcher.client.cookie!);
    sockets.push(socket);
    expect(await ack(socket, 'space:join', { spaceId: space.id })).toEqual({ ok: true });
    const topics = collect(socket, 'topic:created');

    const pending = await newcomer.client.post(`/api/v1/spaces/${space.id}/topics`, { title: 'First words', body: 'Hello' });
    expect(pending.status).toBe(201);
    const approved = await admin.client.post(`/api/v1/spaces/${space.id}/topics`, { title: 'Welcome', body: 'From the team' });
    await topics.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(topics.received).toEqual([{ spaceId: space.id, topicId: approved.body.id }]);
  });
});

describeWithRedis('live forum updates across two servers (Redis adapter)', () => {
  let first: TestApp;
  let second: TestApp;
  let socket: Socket | undefined;
  beforeAll(async () => {
    first = await startTestApp();
    second = await startTestApp({}, { joinRunning: true });
  });
  afterAll(async () => {
    socket?.disconnect();
    await Promise.all([first?.close(), second?.close()]);
  });

  it('delivers a post written through one server to a reader connected to the other', async () => {
    const admin = await personSignedIn(first, { platformRole: 'admin' });
    const space = await createSpace(admin.client, { name: 'Across servers', scope: 'consortium' });
    const topic = await admin.client.post(`/api/v1/spaces/${space.id}/topics`, { title: 'Fan-out', body: 'One' });
    const reader = await personSignedIn(second);
    socket = await connect(second.url, reader.client.cookie!);
    expect(await ack(socket, 'topic:join', { topicId: topic.body.id })).toEqual({ ok: true });
    const created = collect(socket, 'post:created');
    const reply = await admin.client.post(`/api/v1/topics/${topic.body.id}/posts`, { body: 'Two' });
    const [live] = await created.waitFor(1);
    expect(live).toMatchObject({ id: reply.body.id, postNumber: 2 });
  });
});
