import type { TestApp } from '../../support/test-app';
import { API, auditEntries, person, reply, space, startTopic, withFacilitatedSchoolSpace, type Person, type World } from './forum-support';

let t: TestApp;
let w: World;
let facilitator: Person;
let spaceA: { id: string };
withFacilitatedSchoolSpace((fixture) => ({ t, w, facilitator, spaceA } = fixture));

const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe('pinning, archiving and unlisting', () => {
  it('lists topics pinned in the space ahead of the first page, and only there', async () => {
    const pinned = await startTopic(w.memberA.client, spaceA.id, { title: 'Read me first' });
    await startTopic(w.memberA.client, spaceA.id, { title: 'Something newer' });
    const response = await facilitator.client.patch(`${API}/topics/${pinned.id}`, { pinned: 'space' });
    expect(response.status).toBe(200);
    expect(response.body.pinned).toBe('space');
    const first = await w.memberA.client.get(`${API}/topics?spaceId=${spaceA.id}&limit=1`);
    expect(ids(first.body.pinned)).toEqual([pinned.id]);
    const second = await w.memberA.client.get(`${API}/topics?spaceId=${spaceA.id}&limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.pinned).toEqual([]);
    expect((await auditEntries(t, 'topic.moderate', pinned.id)).length).toBe(1);
  });

  it('lets only admins pin globally, and no member moderate at all', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id);
    expect((await facilitator.client.patch(`${API}/topics/${topic.id}`, { pinned: 'global' })).status).toBe(403);
    expect((await w.memberA.client.patch(`${API}/topics/${topic.id}`, { archived: true })).status).toBe(403);
    expect((await w.admin.client.patch(`${API}/topics/${topic.id}`, { pinned: 'global' })).status).toBe(200);
  });

  it('takes an archived topic out of lists but keeps it readable by link, and closed to new posts', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id, { title: 'Last year' });
    await facilitator.client.patch(`${API}/topics/${topic.id}`, { archived: true });
    const list = await w.otherA.client.get(`${API}/topics?spaceId=${spaceA.id}&limit=100`);
    expect(ids(list.body.items)).not.toContain(topic.id);
    const direct = await w.otherA.client.get(`${API}/topics/${topic.id}`);
    expect(direct.status).toBe(200);
    expect(direct.body.archived).toBe(true);
    const refused = await w.otherA.client.post(`${API}/topics/${topic.id}/posts`, { body: 'Too late?' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('TOPIC_CLOSED');
  });

  it('keeps an unlisted topic out of lists but readable by link', async () => {
    const topic = await startTopic(w.memberA.client, spaceA.id, { title: 'Only by link' });
    await facilitator.client.patch(`${API}/topics/${topic.id}`, { unlisted: true });
    const list = await w.otherA.client.get(`${API}/topics?spaceId=${spaceA.id}&limit=100`);
    expect(ids(list.body.items)).not.toContain(topic.id);
    expect((await w.otherA.client.get(`${API}/topics/${topic.id}`)).status).toBe(200);
  });
});

describe('top topics', () => {
  it('orders topics of the period by how many posts they have, with stable cursor pages', async () => {
    const own = await space(t, { scopeKey: `inst:${w.schoolA.id}` });
    const quiet = await startTopic(w.memberA.client, own.id, { title: 'Quiet' });
    const busy = await startTopic(w.memberA.client, own.id, { title: 'Busy' });
    const middling = await startTopic(w.memberA.client, own.id, { title: 'Middling' });
    for (const who of [w.otherA, w.leadA, facilitator]) await reply(who.client, busy.id);
    await reply(w.otherA.client, middling.id);
    const first = await w.memberA.client.get(`${API}/topics?spaceId=${own.id}&filter=top&period=week&limit=2`);
    expect(ids(first.body.items)).toEqual([busy.id, middling.id]);
    const second = await w.memberA.client.get(
      `${API}/topics?spaceId=${own.id}&filter=top&period=week&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(ids(second.body.items)).toEqual([quiet.id]);
    expect(second.body.nextCursor).toBeNull();
  });
});
