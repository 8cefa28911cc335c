import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import type { Actor } from '@app/identity';
import { DemoChange } from './demo-change';
import { DemoPath } from './demo-path';
import { DemoReadiness } from './demo-readiness';
import { DemoSessions } from './demo-sessions';

export interface DemoProgramPeople {
  admin: Actor;
  facilitator: Actor;
  lead: Actor;
  faculty: Actor;
  amara: Actor;
  lee: Actor;
  dean: Actor;
  kofi: Actor;
  ana: Actor;
  hana: Actor;
  samuel: Actor;
}

/**
 * The program in the demo: Riverside midway (phase 4: onboarding, preparation and the Chats for Change behind it,
 * readiness measured, a coalition, change targets with a year of measurements), Northfield just starting, so a
 * newcomer sees the whole journey from either side.
 */
@Injectable()
export class DemoProgram {
  constructor(
    private readonly clock: Clock,
    private readonly path: DemoPath,
    private readonly readiness: DemoReadiness,
    private readonly sessions: DemoSessions,
    private readonly change: DemoChange,
  ) {}

  async seed(people: DemoProgramPeople, articles: { egfrId: string; guideId: string }): Promise<void> {
    const { admin, facilitator, lead, faculty, amara, lee, dean, kofi, ana, hana, samuel } = people;
    const now = this.clock.now();
    const riversideCohortId = amara.cohortIds[0];
    const riverside = [amara, lee, kofi, faculty, ana, dean];

    const instruments = await this.readiness.seedInstruments(admin);
    const path = await this.path.seedContent(admin, { ...articles, readinessId: instruments.individualId });
    await this.path.placeCohorts(facilitator, now, riversideCohortId, hana.cohortIds[0]);
    // Riverside: six answers to the individual instrument and five to the school's, so both show; Northfield: two.
    await this.readiness.answer(instruments, [...riverside, hana, samuel], [lead, dean, faculty, ana, lee]);
    await this.readiness.mapLandscape(lead, lead.institutionId!);
    await this.path.walk(path, { amara, lee, kofi });
    await this.sessions.seed(now, { facilitator, lead, riverside }, riversideCohortId, path.itemIds.get('smart')!);
    await this.change.seed(now, { lead, faculty, dean, amara, lee, ana });
  }
}
