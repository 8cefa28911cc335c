import { Injectable } from '@nestjs/common';
import { badRequest, ErrorCode, notFound } from '@app/core';
import { AuditedWrite, GroupService, SessionEvents, type Actor } from '@app/identity';
import type { CalendarDate } from '../model';
import { ChangePolicy } from '../policy';
import { presentCoalition } from '../presenters';
import { CoalitionRepository, SchoolRepository, type CoalitionGroupRecord } from '../repositories';
import { ChangeAccess } from './change-access.service';

export const DEFAULT_COALITION_NAME = 'Guiding coalition';

/**
 * A school's guiding coalition: the members of its guiding_coalition group(s), each serving a one-year term, one of
 * them chair. The groups are ordinary groups (made through the groups API); this service sets terms and the chair.
 */
@Injectable()
export class CoalitionService {
  constructor(
    private readonly access: ChangeAccess,
    private readonly coalitions: CoalitionRepository,
    private readonly schools: SchoolRepository,
    private readonly groups: GroupService,
    private readonly audited: AuditedWrite,
    private readonly sessionEvents: SessionEvents,
  ) {}

  async get(actor: Actor, schoolId: string) {
    const school = await this.access.readableSchool(actor, schoolId);
    const groups = await this.coalitions.groups(schoolId);
    const members = await this.coalitions.members(groups.map((g) => g.id));
    return presentCoalition(school, groups, members, this.access.today(), { manage: ChangePolicy.managesSchool(actor, schoolId) });
  }

  /**
   * Puts a person of the school on the coalition for a one-year term from `termStartsOn`, or changes their term; as
   * chair, the previous chair steps down in the same transaction.
   */
  async setMember(actor: Actor, schoolId: string, userId: string, input: { termStartsOn: CalendarDate; chair?: boolean; groupId?: string }) {
    await this.access.managedSchool(actor, schoolId);
    if (!(await this.schools.membersAmong(schoolId, [userId])).has(userId)) {
      throw badRequest(ErrorCode.NotInSchool, 'Only active members of the school serve on its guiding coalition', [{ field: 'userId', message: 'not a member of this school' }]);
    }
    const group = await this.coalitionGroup(actor, schoolId, input.groupId);
    await this.audited.run(
      (manager) => this.coalitions.setMember(group.id, userId, input.termStartsOn, input.chair, manager),
      () => ({
        actorId: actor.userId,
        action: 'coalition.member.set',
        targetType: 'group',
        targetId: group.id,
        data: { userId, termStartsOn: input.termStartsOn, chair: input.chair ?? null },
      }),
    );
    return this.get(actor, schoolId);
  }

  async removeMember(actor: Actor, schoolId: string, userId: string, groupId?: string): Promise<void> {
    await this.access.managedSchool(actor, schoolId);
    const groups = (await this.coalitions.groups(schoolId)).filter((g) => !groupId || g.id === groupId);
    if (groups.length === 0) throw notFound('Not on the guiding coalition');
    await this.audited.run(
      async (manager) => {
        if (!(await this.coalitions.removeMember(groups.map((g) => g.id), userId, manager))) throw notFound('Not on the guiding coalition');
      },
      () => ({ actorId: actor.userId, action: 'coalition.member.remove', targetType: 'institution', targetId: schoolId, data: { userId } }),
    );
    this.sessionEvents.publish({ type: 'person.access.changed', userId });
  }

  /**
   * The group a member is set on: the one named, else the school's only coalition group, else a new one made through
   * the groups service (audited like any group). With several and none named, the caller must choose.
   */
  private async coalitionGroup(actor: Actor, schoolId: string, groupId: string | undefined): Promise<CoalitionGroupRecord> {
    const groups = await this.coalitions.groups(schoolId);
    if (groupId) {
      const named = groups.find((g) => g.id === groupId);
      if (!named) throw notFound('There is no such guiding coalition at this school');
      return named;
    }
    if (groups.length === 1) return groups[0];
    if (groups.length > 1) {
      throw badRequest(ErrorCode.ValidationFailed, 'The school has several guiding coalitions: name one', [{ field: 'groupId', message: 'required when the school has several coalitions' }]);
    }
    const created = await this.groups.create(actor, { name: DEFAULT_COALITION_NAME, kind: 'guiding_coalition', institutionId: schoolId });
    return { id: created.id, name: created.name, description: created.description };
  }
}
