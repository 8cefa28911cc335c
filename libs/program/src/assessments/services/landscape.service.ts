import { Injectable } from '@nestjs/common';
import { decodeCursor, forbidden, notFound, toPage } from '@app/core';
import type { Actor } from '@app/identity';
import { AssessmentPolicy } from '../policy/assessment-policy';
import { presentEffort } from '../presenters';
import {
  LandscapeRepository,
  SchoolResultsRepository,
  type EffortInput,
  type EffortRecord,
  type SchoolRecord,
} from '../repositories';

export type NewLandscapeEffort = Omit<EffortInput, 'startedOn' | 'effectivenessEvidence'> & {
  startedOn?: string | null;
  effectivenessEvidence?: string;
};

/**
 * The landscape inventory of a school's existing anti-racism efforts. The school's members and the program team read
 * it; the school lead, admins and the school's cohort members keep it. Other schools never see it.
 */
@Injectable()
export class LandscapeService {
  constructor(
    private readonly efforts: LandscapeRepository,
    private readonly schools: SchoolResultsRepository,
  ) {}

  private async readableSchool(actor: Actor, schoolId: string): Promise<SchoolRecord> {
    const school = AssessmentPolicy.canReadLandscape(actor, schoolId) ? await this.schools.school(schoolId) : null;
    if (!school) throw notFound();
    return school;
  }

  private async canWrite(actor: Actor, schoolId: string): Promise<boolean> {
    return AssessmentPolicy.canWriteLandscape(actor, schoolId, await this.schools.cohortIdsOf(schoolId));
  }

  private async writableSchool(actor: Actor, schoolId: string): Promise<SchoolRecord> {
    const school = await this.readableSchool(actor, schoolId);
    if (!(await this.canWrite(actor, school.id)))
      throw forbidden("The school lead and the school's cohort members keep the inventory");
    return school;
  }

  private async effort(schoolId: string, effortId: string): Promise<EffortRecord> {
    const effort = await this.efforts.find(schoolId, effortId);
    if (!effort) throw notFound();
    return effort;
  }

  async list(actor: Actor, schoolId: string, query: { cursor?: string; limit?: number }) {
    const school = await this.readableSchool(actor, schoolId);
    const limit = query.limit ?? 50;
    const rows = await this.efforts.list(school.id, decodeCursor(query.cursor), limit);
    const page = toPage(rows, limit, (e) => ({ key: e.createdAtKey, id: e.id }), presentEffort);
    return { ...page, school: { id: school.id, name: school.name }, canEdit: await this.canWrite(actor, school.id) };
  }

  async create(actor: Actor, schoolId: string, input: NewLandscapeEffort) {
    const school = await this.writableSchool(actor, schoolId);
    const id = await this.efforts.create(
      school.id,
      {
        name: input.name.trim(),
        sphere: input.sphere,
        startedOn: input.startedOn ?? null,
        status: input.status,
        effectivenessEvidence: (input.effectivenessEvidence ?? '').trim(),
      },
      actor.userId,
    );
    return presentEffort(await this.effort(school.id, id));
  }

  async update(actor: Actor, schoolId: string, effortId: string, patch: Partial<EffortInput>) {
    const school = await this.writableSchool(actor, schoolId);
    await this.effort(school.id, effortId);
    await this.efforts.update(effortId, {
      ...patch,
      name: patch.name?.trim(),
      effectivenessEvidence: patch.effectivenessEvidence?.trim(),
    });
    return presentEffort(await this.effort(school.id, effortId));
  }

  async remove(actor: Actor, schoolId: string, effortId: string): Promise<void> {
    const school = await this.writableSchool(actor, schoolId);
    await this.effort(school.id, effortId);
    await this.efforts.delete(effortId);
  }
}
