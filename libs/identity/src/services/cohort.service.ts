import { SessionEvents } from './session-events';
import { Injectable } from '@nestjs/common';
import { badRequest, conflict, ErrorCode, forbidden, notFound } from '@app/core';
import { isUniqueViolation } from '@app/database';
import type { CohortEntity } from '../entities';
import { AccessPolicy, type Actor } from '../policy';
import { presentCohort } from '../presenters';
import { CohortRepository, InstitutionRepository, UserRepository } from '../repositories';
import { AuditedWrite } from './audited-write';

@Injectable()
export class CohortService {
  constructor(
    private readonly cohorts: CohortRepository,
    private readonly institutions: InstitutionRepository,
    private readonly users: UserRepository,
    private readonly audited: AuditedWrite,
    private readonly sessionEvents: SessionEvents,
  ) {}

  /** The cohort when the actor may see it; otherwise it does not exist for them. */
  async visibleCohort(actor: Actor, id: string): Promise<CohortEntity> {
    const cohort = await this.cohorts.findById(id);
    if (!cohort || !AccessPolicy.canSeeCohort(actor, cohort)) throw notFound();
    return cohort;
  }

  async list(actor: Actor, institutionId?: string) {
    const scopes = AccessPolicy.readableScopes(actor);
    const visibleSchools = scopes.everything ? null : actor.institutionId ? [actor.institutionId] : [];
    const rows = await this.cohorts.list({
      institutionIds: visibleSchools,
      cohortIds: [...actor.cohortIds, ...actor.ledCohortIds],
    });
    return { items: rows.filter((c) => !institutionId || c.institutionId === institutionId).map(presentCohort) };
  }

  async get(actor: Actor, id: string) {
    return presentCohort(await this.visibleCohort(actor, id));
  }

  async create(actor: Actor, input: { institutionId: string; name: string; programYear: number }) {
    if (!(await this.institutions.findById(input.institutionId))) throw notFound('School not found');
    if (!AccessPolicy.can(actor, 'cohort.manage', input.institutionId)) throw forbidden();
    try {
      const created = await this.audited.run(
        (manager) => this.cohorts.create({ ...input, name: input.name.trim() }, manager),
        (row) => ({ actorId: actor.userId, action: 'cohort.create', targetType: 'cohort', targetId: row.id }),
      );
      return presentCohort(created);
    } catch (error) {
      if (isUniqueViolation(error, 'cohort_name_key'))
        throw conflict(ErrorCode.NameTaken, 'The school already has a cohort with that name');
      throw error;
    }
  }

  async update(actor: Actor, id: string, patch: { name?: string; programYear?: number }) {
    const cohort = await this.visibleCohort(actor, id);
    if (!AccessPolicy.can(actor, 'cohort.manage', cohort.institutionId)) throw forbidden();
    try {
      await this.audited.run(
        (manager) => this.cohorts.update(id, { name: patch.name?.trim(), programYear: patch.programYear }, manager),
        () => ({ actorId: actor.userId, action: 'cohort.update', targetType: 'cohort', targetId: id }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'cohort_name_key'))
        throw conflict(ErrorCode.NameTaken, 'The school already has a cohort with that name');
      throw error;
    }
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const cohort = await this.visibleCohort(actor, id);
    if (!AccessPolicy.can(actor, 'cohort.manage', cohort.institutionId)) throw forbidden();
    await this.audited.run(
      (manager) => this.cohorts.delete(id, manager),
      () => ({ actorId: actor.userId, action: 'cohort.delete', targetType: 'cohort', targetId: id }),
    );
  }

  async addMember(actor: Actor, cohortId: string, userId: string): Promise<void> {
    const cohort = await this.visibleCohort(actor, cohortId);
    if (!AccessPolicy.can(actor, 'cohort.manage', cohort.institutionId)) throw forbidden();
    const user = await this.users.findById(userId);
    if (!user) throw notFound('Person not found');
    if (user.institutionId !== cohort.institutionId) {
      throw badRequest(ErrorCode.NotInSchool, "Only people of the cohort's school can join it");
    }
    await this.audited.run(
      (manager) => this.cohorts.addMember(cohortId, userId, manager),
      () => ({ actorId: actor.userId, action: 'cohort.member.add', targetType: 'cohort', targetId: cohortId, data: { userId } }),
    );
  }

  async removeMember(actor: Actor, cohortId: string, userId: string): Promise<void> {
    const cohort = await this.visibleCohort(actor, cohortId);
    if (!AccessPolicy.can(actor, 'cohort.manage', cohort.institutionId)) throw forbidden();
    await this.audited.run(
      async (manager) => {
        if (!(await this.cohorts.removeMember(cohortId, userId, manager))) throw notFound('Not a member of this cohort');
      },
      () => ({
        actorId: actor.userId,
        action: 'cohort.member.remove',
        targetType: 'cohort',
        targetId: cohortId,
        data: { userId },
      }),
    );
    this.sessionEvents.publish({ type: 'person.access.changed', userId });
  }
}
