import { Injectable } from '@nestjs/common';
import { notFound } from '@app/core';
import type { Actor } from '@app/identity';
import { ChangePolicy } from '../policy';
import { consortiumFigures, presentConsortium, presentDashboard } from '../presenters';
import { ChangeProgressRepository } from '../repositories';
import { ChangeAccess } from './change-access.service';

/** Monitoring: a school's dashboard, and the consortium's progress school by school. */
@Injectable()
export class ChangeProgressService {
  constructor(
    private readonly access: ChangeAccess,
    private readonly progress: ChangeProgressRepository,
  ) {}

  async dashboard(actor: Actor, schoolId: string) {
    this.access.mayReadSchool(actor, schoolId);
    const today = this.access.today();
    // The school comes with the dashboard's one statement; a school that does not exist is not found like any other.
    const [row, edit] = await Promise.all([this.progress.dashboard(schoolId, today), this.access.writesSchool(actor, schoolId)]);
    if (!row.school) throw notFound();
    return presentDashboard(row.school, row, today, { edit });
  }

  /** Every school's figures; a school is named only to those who may know it (see ChangePolicy.namesSchool). */
  async consortium(actor: Actor) {
    if (!ChangePolicy.seesConsortium(actor)) throw notFound();
    const today = this.access.today();
    const rows = await this.progress.consortium(today);
    return presentConsortium(
      rows.map((row) => ({
        school: { id: row.id, name: row.name, namedToPeers: row.namedToPeers },
        named: ChangePolicy.namesSchool(actor, { id: row.id, namedToPeers: row.namedToPeers }),
        own: actor.institutionId === row.id,
        figures: consortiumFigures(row),
      })),
      today,
    );
  }
}
