import { Injectable } from '@nestjs/common';
import { badRequest, decodeCursor, ErrorCode, toPage } from '@app/core';
import type { Actor } from '@app/identity';
import type { CalendarDate, Sphere, TargetCategory, TargetStatus } from '../model';
import { presentIndicator, presentStep, presentTargetDetail, presentTargetSummary } from '../presenters';
import { IndicatorRepository, LogEntryRepository, SchoolRepository, StepRepository, TargetRepository, type PlanText, type TargetFields } from '../repositories';
import { ChangeAccess } from './change-access.service';

export interface NewTargetInput {
  title: string;
  description?: string;
  ownerId: string;
  sphere: Sphere;
  category: TargetCategory;
  status?: TargetStatus;
  startsOn: CalendarDate;
  dueOn: CalendarDate;
  plan?: Partial<PlanText>;
}

export type TargetPatch = Partial<Omit<NewTargetInput, 'plan'>> & { plan?: Partial<PlanText> };

export interface TargetListQuery {
  status?: TargetStatus;
  category?: TargetCategory;
  cursor?: string;
  limit?: number;
}

const trimPlan = (plan: Partial<PlanText> = {}): Partial<PlanText> =>
  Object.fromEntries(Object.entries(plan).filter(([, text]) => text !== undefined).map(([field, text]) => [field, text!.trim()]));

/** Change targets: SMART goals of a school, each with an owner, a tactical plan, indicators and a log. */
@Injectable()
export class TargetService {
  constructor(
    private readonly access: ChangeAccess,
    private readonly targets: TargetRepository,
    private readonly steps: StepRepository,
    private readonly indicators: IndicatorRepository,
    private readonly entries: LogEntryRepository,
    private readonly schools: SchoolRepository,
  ) {}

  async list(actor: Actor, schoolId: string, query: TargetListQuery) {
    await this.access.readableSchool(actor, schoolId);
    const limit = query.limit ?? 50;
    const rows = await this.targets.list(schoolId, { status: query.status, category: query.category, after: decodeCursor(query.cursor), limit });
    return toPage(rows, limit, (t) => ({ key: t.dueOn, id: t.id }), presentTargetSummary);
  }

  async create(actor: Actor, schoolId: string, input: NewTargetInput) {
    await this.access.writableSchool(actor, schoolId);
    checkTargetPeriod(input.startsOn, input.dueOn);
    await this.checkOwner(schoolId, input.ownerId, 'ownerId');
    const fields: TargetFields = {
      title: input.title.trim(),
      description: (input.description ?? '').trim(),
      ownerId: input.ownerId,
      sphere: input.sphere,
      category: input.category,
      status: input.status ?? 'planned',
      startsOn: input.startsOn,
      dueOn: input.dueOn,
    };
    const id = await this.targets.create(schoolId, { ...fields, ...trimPlan(input.plan) }, actor.userId);
    return this.get(actor, id);
  }

  /** The target with its plan, steps, indicators (each with its measurements), wins and corrections. */
  async get(actor: Actor, targetId: string) {
    const target = await this.access.readableTarget(actor, targetId);
    const today = this.access.today();
    const [steps, indicators, entries, edit] = await Promise.all([
      this.steps.listForTarget(targetId),
      this.indicators.listForTarget(targetId),
      this.entries.listForTarget(targetId),
      this.access.writesTarget(actor, target),
    ]);
    return presentTargetDetail(
      target,
      {
        steps: steps.map((step) => presentStep(step, today)),
        indicators: indicators.map((indicator) => presentIndicator(indicator, target, today)),
        entries,
      },
      { edit },
    );
  }

  async update(actor: Actor, targetId: string, patch: TargetPatch) {
    const target = await this.access.writableTarget(actor, targetId);
    if (patch.startsOn !== undefined || patch.dueOn !== undefined) checkTargetPeriod(patch.startsOn ?? target.startsOn, patch.dueOn ?? target.dueOn);
    if (patch.ownerId !== undefined && patch.ownerId !== target.ownerId) await this.checkOwner(target.institutionId, patch.ownerId, 'ownerId');
    await this.targets.update(targetId, {
      title: patch.title?.trim(),
      description: patch.description?.trim(),
      ownerId: patch.ownerId,
      sphere: patch.sphere,
      category: patch.category,
      status: patch.status,
      startsOn: patch.startsOn,
      dueOn: patch.dueOn,
      ...trimPlan(patch.plan),
    });
    return this.get(actor, targetId);
  }

  async remove(actor: Actor, targetId: string): Promise<void> {
    await this.access.writableTarget(actor, targetId);
    await this.targets.delete(targetId);
  }

  /** Owners (of a target or a step) are active members of the target's school. */
  async checkOwner(schoolId: string, ownerId: string, field: string): Promise<void> {
    if (!(await this.schools.membersAmong(schoolId, [ownerId])).has(ownerId)) {
      throw badRequest(ErrorCode.NotInSchool, 'The owner must be an active member of the school', [{ field, message: 'not a member of this school' }]);
    }
  }
}

export function checkTargetPeriod(startsOn: CalendarDate, dueOn: CalendarDate): void {
  if (dueOn < startsOn) {
    throw badRequest(ErrorCode.ChangeDueBeforeStart, 'The due date cannot come before the start date', [{ field: 'dueOn', message: 'must be on or after startsOn' }]);
  }
}
