import type { Logger } from '@nestjs/common';
import { buildInstitution } from '@app/testing';
import { Redis } from 'ioredis';
import type { Socket } from 'socket.io-client';
import { publishingSafely } from '../../apps/server/src/realtime/realtime.adapter';
import { ack, collect, connect } from '../support/socket-support';
import { describeWithRedis, personSignedIn, startTestApp, type TestApp } from '../support/test-app';

const SENDERS = 3;
const MESSAGES_PER_SENDER = 50;
const TOTAL = SENDERS * MESSAGES_PER_SENDER;

type Delivered = { id: string; seq: number; html: string };

/**
 * Two server instances on one database and one Redis, each with its own socket.io server and its own Redis adapter
 * connections (as two processes behind a load balancer would be). Messages written through either server are
 * numbered under the room's row lock and fanned out through Redis to the clients of both.
 */
describeWithRedis('a chat room across two servers (Redis adapter)', () => {
  let serverA: TestApp;
  let serverB: TestApp;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    serverA = await startTestApp();
    serverB = await startTestApp({}, { joinRunning: true });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await Promise.all([serverA.close(), serverB.close()]);
  });

  it('delivers every message sent concurrently through both servers to every client on both, numbered 1..N once each', async () => {
    const school = await buildInstitution(serverA.db);
    const facilitator = await personSignedIn(serverA, { platformRole: 'facilitator' });
    const room = await facilitator.client.post('/api/v1/rooms', { title: 'Across servers', scope: 'consortium' });
    expect(room.status).toBe(201);
    const roomId: string = room.body.id;

    // Six people, alternating servers: clients 0, 2, 4 on A and 1, 3, 5 on B; a session cookie works on either.
    const people = await Promise.all(Array.from({ length: 6 }, () => personSignedIn(serverA, { institutionId: school.id })));
    const clients = await Promise.all(
      people.map(async (person, i) => {
        const socket = await connect((i % 2 === 0 ? serverA : serverB).url, person.client.cookie!);
        sockets.push(socket);
        const seen = collect(socket, 'chat:message');
        expect(await ack(socket, 'chat:join', { roomId })).toMatchObject({ ok: true });
        return { socket, seen };
      }),
    );

    // Senders 0 and 2 write through A, sender 1 through B; each emits all its messages without waiting for acks
    // (51 events with the join: inside the per-socket burst of 60).
    const acks = await Promise.all(
      clients.slice(0, SENDERS).flatMap(({ socket }, sender) =>
        Array.from({ length: MESSAGES_PER_SENDER }, (_, n) =>
          ack<{ message: Delivered }>(socket, 'chat:send', {
            roomId,
            clientId: `s${sender}-m${n}`,
            body: `sender ${sender} message ${n}`,
          }),
        ),
      ),
    );
    expect(acks.filter((reply) => !reply.ok)).toEqual([]);
    const expected = Array.from({ length: TOTAL }, (_, i) => i + 1);
    expect(acks.map((reply) => reply.message.seq).sort((a, b) => a - b)).toEqual(expected);

    const stored: { id: string; seq: number }[] = await serverA.db.query(
      'SELECT id, seq::int AS seq FROM chat_message WHERE room_id = $1 ORDER BY seq',
      [roomId],
    );
    expect(stored.map((m) => m.seq)).toEqual(expected);
    const storedIds = stored.map((m) => m.id);
    // Each sender was told the number its message was stored under.
    expect(new Map(acks.map((reply) => [reply.message.seq, reply.message.id]))).toEqual(
      new Map(stored.map((m) => [m.seq, m.id])),
    );

    for (const { seen } of clients) await seen.waitFor(TOTAL, 15_000);
    // A late duplicate would arrive after the count is reached: give the fan-out a moment to show one.
    await new Promise((resolve) => setTimeout(resolve, 300));
    clients.forEach(({ seen }, client) => {
      // Sorted: messages written concurrently are published as each write finishes, not strictly in seq order;
      // what must hold is that every client holds every seq exactly once, with the stored message behind it.
      const bySeq = [...(seen.received as Delivered[])].sort((a, b) => a.seq - b.seq);
      expect({ client, seqs: bySeq.map((m) => m.seq) }).toEqual({ client, seqs: expected });
      expect({ client, ids: bySeq.map((m) => m.id) }).toEqual({ client, ids: storedIds });
    });
  });
});

describeWithRedis('publishing to the other servers once the Redis connection is gone', () => {
  it('logs the failed publish instead of leaving an unhandled rejection, which would end the process', async () => {
    const warnings: unknown[] = [];
    const logger = { warn: (...args: unknown[]) => warnings.push(args) } as unknown as Logger;
    // The adapter publishes without catching; a server shutting down (or losing Redis) still has publishes in flight.
    const publisher = publishingSafely(new Redis(process.env.REDIS_URL!), logger);
    await publisher.quit();
    await expect(publisher.publish('artc-test-nobody-listens', 'late')).resolves.toBe(0);
    expect(warnings).toHaveLength(1);
  });
});
