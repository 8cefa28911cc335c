import { Injectable } from '@nestjs/common';
import { forbidden, notFound } from '@app/core';
import type { Actor } from '@app/identity';
import { PathPolicy } from '../policy/path-policy';
import { presentPhase } from '../presenters/content.presenter';
import { PhaseRepository, type PhasePatch } from '../repositories/phase.repository';

/** The six phases: every signed-in member reads them; the program's admins reword them. */
@Injectable()
export class PhaseService {
  constructor(private readonly phases: PhaseRepository) {}

  async list(_actor: Actor) {
    return { items: (await this.phases.list()).map(presentPhase) };
  }

  async update(actor: Actor, number: number, patch: PhasePatch) {
    if (!PathPolicy.canManageContent(actor)) throw forbidden('Only the program’s admins change its phases');
    const goals = patch.goals?.map((goal) => goal.trim());
    if (!(await this.phases.update(number, { title: patch.title?.trim(), description: patch.description?.trim(), goals })))
      throw notFound();
    return presentPhase((await this.phases.find(number))!);
  }
}
