import { Injectable } from '@nestjs/common';
import { notFound } from '@app/core';
import { pseudonymLabel } from '@app/forum';
import type { Actor } from '@app/identity';
import { MessageRepository, ParticipantRepository, RoomRepository, SessionRepository, type SessionRecord } from '../repositories';
import { RoomAccess } from './room-access.service';

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);

/**
 * What facilitators read about a session: who is carrying the conversation (step up / step back), and the
 * transcript to keep or hand to the knowledge base, in which nobody is named.
 */
@Injectable()
export class SessionReportService {
  constructor(
    private readonly rooms: RoomRepository,
    private readonly sessions: SessionRepository,
    private readonly participants: ParticipantRepository,
    private readonly messages: MessageRepository,
    private readonly access: RoomAccess,
  ) {}

  /** Shares of messages and characters per participant in the live session (else the last one), and who has not spoken. */
  async participation(actor: Actor, roomId: string) {
    const { room } = await this.access.facilitated(actor, roomId);
    const mainId = room.parentId ?? room.id;
    const session = room.liveSessionId ? await this.sessions.findById(room.liveSessionId) : (await this.sessions.list(mainId)).at(-1) ?? null;
    if (!session) return { sessionId: null, items: [], notYetSpoken: [] };
    const [counts, people] = await Promise.all([this.messages.participation(session.id), this.participants.list(mainId)]);
    const byAuthor = new Map(counts.map((c) => [c.authorId, c]));
    const participants = people.filter((p) => !p.removedAt && !room.facilitatorIds.includes(p.userId));
    const totalMessages = counts.filter((c) => !room.facilitatorIds.includes(c.authorId)).reduce((sum, c) => sum + c.messages, 0);
    const totalCharacters = counts.filter((c) => !room.facilitatorIds.includes(c.authorId)).reduce((sum, c) => sum + c.characters, 0);
    const describe = (p: (typeof participants)[number]) => ({
      userId: p.userId,
      displayName: p.displayName,
      pseudonym: p.pseudonymNumber ? pseudonymLabel(p.pseudonymNumber) : null,
    });
    const items = participants
      .map((p) => {
        const c = byAuthor.get(p.userId);
        return {
          ...describe(p),
          messages: c?.messages ?? 0,
          characters: c?.characters ?? 0,
          messageShare: share(c?.messages ?? 0, totalMessages),
          characterShare: share(c?.characters ?? 0, totalCharacters),
        };
      })
      .sort((a, b) => b.characters - a.characters || a.displayName.localeCompare(b.displayName));
    return { sessionId: session.id, items, notYetSpoken: participants.filter((p) => !byAuthor.has(p.userId)).map(describe) };
  }

  /**
   * The session's transcript, main room then breakouts. Every author is a label, never a name or id: a
   * participant keeps their room pseudonym where they have one, others are numbered after them in order of
   * first words; facilitators are "Facilitator N". Removed and deleted messages keep their place, without text.
   */
  async transcript(actor: Actor, roomId: string, sessionId: string) {
    const { room } = await this.access.facilitated(actor, roomId);
    const mainId = room.parentId ?? room.id;
    const session = await this.sessions.findById(sessionId);
    if (!session || session.roomId !== mainId) throw notFound();
    const main = room.parentId ? await this.rooms.findById(mainId) : room;
    const [rows, people, breakouts] = await Promise.all([
      this.messages.ofSession(session.id),
      this.participants.list(mainId),
      this.rooms.breakouts(session.id),
    ]);
    const label = this.labeller(people, main!.facilitatorIds);
    const sections = [
      { room: 'main' as const, title: main!.title, guidingQuestion: null as string | null, breakoutId: null as string | null },
      ...breakouts.map((b) => ({ room: 'breakout' as const, title: b.title, guidingQuestion: b.guidingQuestion, breakoutId: b.id })),
    ].map((section) => ({
      room: section.room,
      title: section.title,
      guidingQuestion: section.guidingQuestion,
      messages: rows
        .filter((m) => m.breakoutId === section.breakoutId)
        .map((m) => ({
          seq: m.seq,
          kind: m.kind,
          author: m.authorId ? label(m.authorId) : 'Former participant',
          text: m.status === 'visible' ? m.source : null,
          status: m.status,
          removedReason: m.status === 'removed' ? m.removedReason : null,
          replyToSeq: m.replyToSeq,
          createdAt: new Date(m.createdAt).toISOString(),
        })),
    }));
    return { title: main!.title, anonymous: main!.anonymous, session: this.sessionFacts(session), sections };
  }

  /** Where a room's material may go (its scope and linked space): for facilitators taking a transcript elsewhere. */
  async roomFacts(actor: Actor, roomId: string) {
    const { room } = await this.access.facilitated(actor, roomId);
    const main = room.parentId ? await this.rooms.findById(room.parentId) : room;
    return { scopeKey: main!.scopeKey, spaceId: main!.spaceId };
  }

  private sessionFacts(session: SessionRecord) {
    return {
      number: session.number,
      startedAt: new Date(session.startedAt).toISOString(),
      endedAt: session.endedAt ? new Date(session.endedAt).toISOString() : null,
    };
  }

  private labeller(people: { userId: string; pseudonymNumber: number | null }[], facilitatorIds: string[]) {
    const labels = new Map<string, string>();
    for (const p of people) if (p.pseudonymNumber && !facilitatorIds.includes(p.userId)) labels.set(p.userId, pseudonymLabel(p.pseudonymNumber));
    let nextParticipant = Math.max(0, ...people.map((p) => p.pseudonymNumber ?? 0)) + 1;
    let nextFacilitator = 1;
    return (userId: string) => {
      let known = labels.get(userId);
      if (!known) {
        known = facilitatorIds.includes(userId) ? `Facilitator ${nextFacilitator++}` : pseudonymLabel(nextParticipant++);
        labels.set(userId, known);
      }
      return known;
    };
  }

  async transcriptMarkdown(actor: Actor, roomId: string, sessionId: string): Promise<string> {
    const t = await this.transcript(actor, roomId, sessionId);
    const lines = [`# ${t.title} — session ${t.session.number}`, '', `Started ${t.session.startedAt}${t.session.endedAt ? `, ended ${t.session.endedAt}` : ''}.`];
    for (const section of t.sections) {
      lines.push('', section.room === 'main' ? '## Main room' : `## Breakout: ${section.title}`);
      if (section.guidingQuestion) lines.push('', `_Guiding question: ${section.guidingQuestion}_`);
      for (const m of section.messages) {
        const body = m.text ?? (m.status === 'removed' ? `_(removed by a facilitator: ${m.removedReason ?? 'no reason given'})_` : '_(deleted by its author)_');
        const who = m.kind === 'system' ? `${m.author} (facilitation)` : m.kind === 'check_in' ? `${m.author} (check-in)` : m.author;
        lines.push('', `**#${m.seq} ${who}**${m.replyToSeq ? ` ↩ #${m.replyToSeq}` : ''} · ${m.createdAt}`, '', body);
      }
    }
    return `${lines.join('\n')}\n`;
  }
}
