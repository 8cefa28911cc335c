import { Injectable } from '@nestjs/common';
import { cohortScope, institutionScope, type Actor } from '@app/identity';
import { SessionNotesService, SessionRsvpService, SessionService } from '@app/program';

const DAY_MS = 86_400_000;
/** A day `days` from now at `hourUtc`:00 UTC, as ISO. */
const at = (now: Date, days: number, hourUtc: number) => {
  const day = new Date(now.getTime() + days * DAY_MS);
  day.setUTCHours(hourUtc, 0, 0, 0);
  return day.toISOString();
};

const COACHING_NOTES = `## What we mapped
- Boundary partners: the curriculum committee, clerkship directors, the student council.
- Progress markers we expect to see: case vignettes reviewed, a race-free renal block, students co-reviewing cases.

## Agreed next steps
1. Priya drafts the admissions target with Lee.
2. James brings the vignette audit list to the coalition.`;

/**
 * The demo's sessions: Riverside's past coaching session (attendance taken, notes captured as a knowledge draft),
 * its next dialogue & framing session, a Chats for Change with its room, a site visit, the consortium's community of
 * practice and the annual conference with a sub-session.
 */
@Injectable()
export class DemoSessions {
  constructor(
    private readonly sessions: SessionService,
    private readonly rsvps: SessionRsvpService,
    private readonly notes: SessionNotesService,
  ) {}

  async seed(now: Date, people: { facilitator: Actor; lead: Actor; riverside: Actor[] }, riversideCohortId: string, preworkItemId: string) {
    const { facilitator, lead, riverside } = people;
    const cohort = cohortScope(riversideCohortId);
    const coaching = await this.sessions.create(facilitator, {
      kind: 'coaching',
      phase: 4,
      title: 'Coaching & outcome mapping: Riverside',
      startsAt: at(now, -14, 16),
      timeZone: 'America/New_York',
      audience: cohort,
      joinUrl: 'https://meet.art-commons.example/riverside-coaching',
      agenda: 'Check-in · outcome mapping of the admissions target · next steps',
    });
    await this.rsvps.recordAttendance(facilitator, coaching.id, riverside.map((p, i) => ({ userId: p.userId, attended: i !== 2 })));
    await this.notes.save(facilitator, coaching.id, COACHING_NOTES);
    await this.notes.capture(facilitator, coaching.id);

    const framing = await this.sessions.create(facilitator, {
      kind: 'dialogue_framing',
      phase: 4,
      title: 'Dialogue & framing: from stories to change targets',
      description: 'We move from the stories of phase 3 to targets the coalition can own.',
      startsAt: at(now, 7, 17),
      timeZone: 'America/New_York',
      audience: cohort,
      joinUrl: 'https://meet.art-commons.example/riverside-framing',
      agenda: '1. Grounding assumptions\n2. What the Chats for Change told us\n3. Choosing three targets',
      prework: [{ itemId: preworkItemId }],
    });
    for (const person of riverside.slice(0, 3)) await this.rsvps.answer(person, framing.id, 'yes');
    await this.rsvps.answer(riverside[3], framing.id, 'maybe');

    await this.sessions.create(facilitator, {
      kind: 'chats_for_change',
      phase: 4,
      title: 'Chats for Change: whose story gets told in our cases?',
      startsAt: at(now, 3, 18),
      timeZone: 'America/New_York',
      audience: cohort,
    });
    await this.sessions.create(lead, {
      kind: 'site_visit',
      phase: 4,
      title: 'Site visit: Northfield’s coalition visits Riverside',
      startsAt: at(now, 21, 14),
      endsAt: at(now, 21, 20),
      timeZone: 'America/New_York',
      audience: institutionScope(lead.institutionId!),
      location: 'Riverside School of Medicine, Education Building, room 210',
    });
    const practice = await this.sessions.create(facilitator, {
      kind: 'community_of_practice',
      phase: 4,
      title: 'Community of practice: tactical plans that worked',
      startsAt: at(now, 10, 16),
      timeZone: 'UTC',
      audience: 'consortium',
      joinUrl: 'https://meet.art-commons.example/community',
    });
    await this.rsvps.answer(lead, practice.id, 'yes');
    const conference = await this.sessions.create(facilitator, {
      kind: 'conference',
      title: 'ART in MedEd annual conference',
      startsAt: at(now, 60, 13),
      endsAt: at(now, 61, 21),
      timeZone: 'America/Chicago',
      audience: 'consortium',
      location: 'Chicago and online',
      joinUrl: 'https://meet.art-commons.example/conference',
    });
    await this.sessions.create(facilitator, {
      kind: 'conference',
      title: 'Panel: measuring relational change',
      startsAt: at(now, 60, 15),
      endsAt: at(now, 60, 16),
      timeZone: 'America/Chicago',
      audience: 'consortium',
      parentId: conference.id,
      location: 'Main hall',
    });
  }
}
