import { buildInstitution } from '@app/testing';
import type { Socket } from 'socket.io-client';
import { personSignedIn, type TestApp } from '../../support/test-app';
import { ack, connect } from '../../support/socket-support';

export const API = '/api/v1';

export async function chatWorld(t: TestApp) {
  const schoolA = await buildInstitution(t.db);
  const schoolB = await buildInstitution(t.db);
  const facilitator = await personSignedIn(t, { platformRole: 'facilitator', displayName: 'Fran Facilitator' });
  const ada = await personSignedIn(t, { institutionId: schoolA.id, displayName: 'Ada Member' });
  const ben = await personSignedIn(t, { institutionId: schoolA.id, displayName: 'Ben Member' });
  const outsider = await personSignedIn(t, { institutionId: schoolB.id, displayName: 'Olu Outsider' });
  return { schoolA, schoolB, facilitator, ada, ben, outsider };
}
export type ChatWorld = Awaited<ReturnType<typeof chatWorld>>;
type Person = ChatWorld['ada'];

export async function createRoom(w: ChatWorld, body: Record<string, unknown> = {}) {
  const response = await w.facilitator.client.post(`${API}/rooms`, { title: 'Chat for Change', scope: `inst:${w.schoolA.id}`, ...body });
  if (response.status !== 201) throw new Error(`room: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { id: string; agreementVersion: number | null };
}

/** Signs the person's socket in, accepting the room's agreements first when it has some. */
export async function joined(t: TestApp, person: Person, room: { id: string }, sockets: Socket[], afterSeq = 0) {
  const current = await person.client.get(`${API}/rooms/${room.id}`);
  if (current.body.agreementVersion && current.body.acceptedAgreementVersion !== current.body.agreementVersion) {
    await person.client.post(`${API}/rooms/${room.id}/agreement/accept`, { version: current.body.agreementVersion });
  }
  const socket = await connect(t.url, person.client.cookie!);
  sockets.push(socket);
  const reply = await ack(socket, 'chat:join', { roomId: room.id, afterSeq });
  if (!reply.ok) throw new Error(`join: ${JSON.stringify(reply)}`);
  return { socket, join: reply as any };
}

let counter = 0;
export const clientId = () => `c${Date.now().toString(36)}${(counter += 1)}`;
