import { Injectable } from '@nestjs/common';
import { Clock, forbidden, notFound } from '@app/core';
import type { Actor } from '@app/identity';
import { calendarDate, type CalendarDate } from '../model';
import { ChangePolicy } from '../policy';
import { SchoolRepository, TargetRepository, type SchoolFacts, type TargetRecord } from '../repositories';

/**
 * The change rules as checks: every change service method starts here. A school or target the person may not read
 * is not found (whether or not it exists); one they may read but not change is forbidden.
 */
@Injectable()
export class ChangeAccess {
  constructor(
    private readonly schools: SchoolRepository,
    private readonly targets: TargetRepository,
    private readonly clock: Clock,
  ) {}

  today(): CalendarDate {
    return calendarDate(this.clock.now());
  }

  /** The policy half of readableSchool, without a lookup: for reads that fetch the school with everything else. */
  mayReadSchool(actor: Actor, schoolId: string): void {
    if (!ChangePolicy.canReadSchool(actor, schoolId)) throw notFound();
  }

  async readableSchool(actor: Actor, schoolId: string): Promise<SchoolFacts> {
    this.mayReadSchool(actor, schoolId);
    const school = await this.schools.findSchool(schoolId);
    if (!school) throw notFound();
    return school;
  }

  /** Writes any target of the school: its leads and admins, or a member serving on its coalition today. */
  async writesSchool(actor: Actor, schoolId: string): Promise<boolean> {
    if (ChangePolicy.managesSchool(actor, schoolId)) return true;
    if (!ChangePolicy.mayServeOnCoalition(actor, schoolId)) return false;
    const serves = await this.schools.servesOnCoalition(actor.userId, schoolId, this.today());
    return ChangePolicy.writesSchool(actor, schoolId, serves);
  }

  async writableSchool(actor: Actor, schoolId: string): Promise<SchoolFacts> {
    const school = await this.readableSchool(actor, schoolId);
    if (!(await this.writesSchool(actor, schoolId))) throw forbidden('Only the school’s leads and its guiding coalition change its targets');
    return school;
  }

  /** Only those who may manage the school's change work (leads, admins) set up its coalition. */
  async managedSchool(actor: Actor, schoolId: string): Promise<SchoolFacts> {
    const school = await this.readableSchool(actor, schoolId);
    if (!ChangePolicy.managesSchool(actor, schoolId)) throw forbidden('Only the school’s leads set up its guiding coalition');
    return school;
  }

  async readableTarget(actor: Actor, targetId: string): Promise<TargetRecord> {
    const target = await this.targets.findById(targetId);
    if (!target || !ChangePolicy.canReadSchool(actor, target.institutionId)) throw notFound();
    return target;
  }

  async writesTarget(actor: Actor, target: Pick<TargetRecord, 'institutionId' | 'ownerId'>): Promise<boolean> {
    return ChangePolicy.writesTarget(actor, target, false) || (await this.writesSchool(actor, target.institutionId));
  }

  async writableTarget(actor: Actor, targetId: string): Promise<TargetRecord> {
    const target = await this.readableTarget(actor, targetId);
    if (!(await this.writesTarget(actor, target))) throw forbidden('Only the target’s owner, the school’s leads and its guiding coalition change it');
    return target;
  }

  async readablePart<P extends { targetId: string }>(actor: Actor, part: P | null): Promise<{ part: P; target: TargetRecord }> {
    if (!part) throw notFound();
    return { part, target: await this.readableTarget(actor, part.targetId) };
  }

  /** The target a part (step, indicator, measurement, log entry) belongs to, writable; the part not found otherwise. */
  async writablePart<P extends { targetId: string }>(actor: Actor, part: P | null): Promise<{ part: P; target: TargetRecord }> {
    if (!part) throw notFound();
    return { part, target: await this.writableTarget(actor, part.targetId) };
  }
}
