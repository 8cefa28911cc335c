import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import type { Actor } from '@app/identity';
import type { CalendarDate } from '../model';
import { presentStep } from '../presenters';
import { StepRepository } from '../repositories';
import { ChangeAccess } from './change-access.service';
import { TargetService } from './target.service';

/** The steps of a target's tactical plan: who does what by when, ticked off when done. */
@Injectable()
export class PlanStepService {
  constructor(
    private readonly access: ChangeAccess,
    private readonly steps: StepRepository,
    private readonly targets: TargetService,
    private readonly clock: Clock,
  ) {}

  async add(actor: Actor, targetId: string, input: { title: string; ownerId?: string | null; dueOn?: CalendarDate | null }) {
    const target = await this.access.writableTarget(actor, targetId);
    if (input.ownerId) await this.targets.checkOwner(target.institutionId, input.ownerId, 'ownerId');
    const id = await this.steps.create(targetId, { title: input.title.trim(), ownerId: input.ownerId ?? null, dueOn: input.dueOn ?? null });
    return this.present(id);
  }

  async update(actor: Actor, stepId: string, patch: { title?: string; ownerId?: string | null; dueOn?: CalendarDate | null; done?: boolean }) {
    const { part: step, target } = await this.access.writablePart(actor, await this.steps.findById(stepId));
    if (patch.ownerId && patch.ownerId !== step.ownerId) await this.targets.checkOwner(target.institutionId, patch.ownerId, 'ownerId');
    await this.steps.update(stepId, { ...patch, title: patch.title?.trim() }, this.clock.now());
    return this.present(stepId);
  }

  async remove(actor: Actor, stepId: string): Promise<void> {
    await this.access.writablePart(actor, await this.steps.findById(stepId));
    await this.steps.delete(stepId);
  }

  private async present(stepId: string) {
    return presentStep((await this.steps.findById(stepId))!, this.access.today());
  }
}
