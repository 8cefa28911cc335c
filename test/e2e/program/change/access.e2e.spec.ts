import { randomUUID } from 'node:crypto';
import { startTestApp, type Client, type TestApp } from '../../../support/test-app';
import { buildWorld, changeRowCounts, createIndicator, createTarget, daysFrom, ok, person, PROGRAM, recordMeasurement, today, type World } from './change-support';

/** Every change route of school A, with a body that would be valid, so only access decides the answer. */
function routesOf(t: TestApp, w: World, ids: Ids) {
  return [
    ['GET', `${PROGRAM}/schools/${w.schoolA.id}/dashboard`],
    ['GET', `${PROGRAM}/schools/${w.schoolA.id}/coalition`],
    ['GET', `${PROGRAM}/schools/${w.schoolA.id}/targets`],
    ['GET', `${PROGRAM}/targets/${ids.target}`],
    ['GET', `${PROGRAM}/indicators/${ids.indicator}/measurements`],
    ['POST', `${PROGRAM}/schools/${w.schoolA.id}/targets`, { title: 'New', ownerId: w.memberA.id, sphere: 'research', category: 'relational', startsOn: today(t), dueOn: daysFrom(t, 30) }],
    ['PATCH', `${PROGRAM}/targets/${ids.target}`, { title: 'Renamed' }],
    ['POST', `${PROGRAM}/targets/${ids.target}/steps`, { title: 'A step' }],
    ['PATCH', `${PROGRAM}/steps/${ids.step}`, { done: true }],
    ['POST', `${PROGRAM}/targets/${ids.target}/indicators`, { name: 'N', unit: 'n', baseline: 1, targetValue: 2, direction: 'increase' }],
    ['PATCH', `${PROGRAM}/indicators/${ids.indicator}`, { name: 'Renamed' }],
    ['POST', `${PROGRAM}/indicators/${ids.indicator}/measurements`, { measuredOn: today(t), value: 1, unit: '%' }],
    ['POST', `${PROGRAM}/targets/${ids.target}/wins`, { happenedOn: today(t), title: 'A win', body: 'It worked' }],
    ['POST', `${PROGRAM}/targets/${ids.target}/corrections`, { happenedOn: today(t), title: 'A turn', body: 'New plan', reason: 'Old one failed' }],
    ['POST', `${PROGRAM}/log-entries/${ids.win}/share`, {}],
    ['PUT', `${PROGRAM}/schools/${w.schoolA.id}/coalition/members/${w.memberA.id}`, { termStartsOn: today(t) }],
    ['DELETE', `${PROGRAM}/schools/${w.schoolA.id}/coalition/members/${w.memberA.id}`],
    ['DELETE', `${PROGRAM}/measurements/${ids.measurement}`],
    ['DELETE', `${PROGRAM}/log-entries/${ids.win}`],
    ['DELETE', `${PROGRAM}/steps/${ids.step}`],
    ['DELETE', `${PROGRAM}/indicators/${ids.indicator}`],
    ['DELETE', `${PROGRAM}/targets/${ids.target}`],
  ] as [string, string, object?][];
}

interface Ids {
  target: string;
  step: string;
  indicator: string;
  measurement: string;
  win: string;
}

function send(client: Client, method: string, path: string, body?: object) {
  if (method === 'GET') return client.get(path);
  if (method === 'DELETE') return client.delete(path);
  if (method === 'PUT') return client.put(path, body);
  if (method === 'PATCH') return client.patch(path, body);
  return client.post(path, body);
}

describe('who reads and writes a school’s change work', () => {
  let t: TestApp;
  let w: World;
  let ids: Ids;
  const secretTitle = `Secret target ${randomUUID()}`;
  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const target = await createTarget(t, w.leadA.client, w.schoolA.id, w.otherA.id, { title: secretTitle });
    const step = await ok(w.leadA.client.post(`${PROGRAM}/targets/${target.id}/steps`, { title: 'Draft the new case set' }));
    const indicator = await createIndicator(w.leadA.client, target.id);
    const measurement = await ok(recordMeasurement(t, w.leadA.client, indicator.id));
    const win = await ok(w.leadA.client.post(`${PROGRAM}/targets/${target.id}/wins`, { happenedOn: today(t), title: 'First module done', body: 'Done' }));
    ids = { target: target.id, step: step.id, indicator: indicator.id, measurement: measurement.id, win: win.id };
  });
  afterAll(() => t?.close());

  it('a member or lead of another school, or someone without a school, finds nothing: 404 everywhere, nothing written, nothing named', async () => {
    const nobody = await person(t, {});
    const before = await changeRowCounts(t);
    for (const outsider of [w.memberB, w.leadB, nobody]) {
      for (const [method, path, body] of routesOf(t, w, ids)) {
        const response = await send(outsider.client, method, path, body);
        expect({ method, path, status: response.status, code: response.body.code }).toEqual({ method, path, status: 404, code: 'NOT_FOUND' });
        expect(JSON.stringify(response.body)).not.toContain(secretTitle);
      }
    }
    expect(await changeRowCounts(t)).toEqual(before);
    // Exactly what a target that never existed answers.
    const missing = await w.memberB.client.get(`${PROGRAM}/targets/${randomUUID()}`);
    const hidden = await w.memberB.client.get(`${PROGRAM}/targets/${ids.target}`);
    expect({ ...hidden.body, requestId: null }).toEqual({ ...missing.body, requestId: null });
  });

  it('the school’s members and the program’s facilitators read; writing is 403 for them and writes nothing', async () => {
    const before = await changeRowCounts(t);
    for (const reader of [w.memberA, w.platformFacilitator]) {
      const target = await ok(reader.client.get(`${PROGRAM}/targets/${ids.target}`));
      expect(target).toMatchObject({ title: secretTitle, can: { edit: false } });
      for (const [method, path, body] of routesOf(t, w, ids)) {
        const response = await send(reader.client, method, path, body);
        const expected = method === 'GET' ? 200 : 403;
        expect({ method, path, status: response.status }).toEqual({ method, path, status: expected });
        if (expected === 403) expect(response.body.code).toBe('FORBIDDEN');
      }
    }
    expect(await changeRowCounts(t)).toEqual(before);
  });

  it('the school’s lead and an admin write; the dashboard says so', async () => {
    for (const writer of [w.leadA, w.admin]) {
      expect(await ok(writer.client.get(`${PROGRAM}/schools/${w.schoolA.id}/dashboard`))).toMatchObject({ can: { edit: true } });
      await ok(writer.client.patch(`${PROGRAM}/targets/${ids.target}`, { description: `Edited by ${writer.id}` }));
    }
    expect(await ok(w.memberA.client.get(`${PROGRAM}/schools/${w.schoolA.id}/dashboard`))).toMatchObject({ can: { edit: false } });
  });

  it('a target’s owner writes that target, and only that one', async () => {
    const own = await ok(w.otherA.client.get(`${PROGRAM}/targets/${ids.target}`));
    expect(own.can).toEqual({ edit: true });
    await ok(w.otherA.client.post(`${PROGRAM}/targets/${ids.target}/steps`, { title: 'Owner adds a step', ownerId: w.memberA.id, dueOn: daysFrom(t, 7) }));
    await ok(recordMeasurement(t, w.otherA.client, ids.indicator, { value: 55 }));

    const someoneElses = await createTarget(t, w.leadA.client, w.schoolA.id, w.memberA.id, { title: 'Another target' });
    expect((await w.otherA.client.patch(`${PROGRAM}/targets/${someoneElses.id}`, { title: 'Taken over' })).status).toBe(403);
    const newTarget = { title: 'Mine', ownerId: w.otherA.id, sphere: 'research', category: 'relational', startsOn: today(t), dueOn: daysFrom(t, 30) };
    expect((await w.otherA.client.post(`${PROGRAM}/schools/${w.schoolA.id}/targets`, newTarget)).status).toBe(403);
  });

  it('ids that are not UUIDs are refused before any lookup', async () => {
    expect((await w.leadA.client.get(`${PROGRAM}/targets/not-a-uuid`)).body.code).toBe('INVALID_ID');
  });
});
