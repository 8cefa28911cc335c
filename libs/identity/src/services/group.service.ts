import { SessionEvents } from './session-events';
import { Injectable } from '@nestjs/common';
import { badRequest, conflict, ErrorCode, forbidden, notFound } from '@app/core';
import { isUniqueViolation } from '@app/database';
import type { GroupEntity, GroupKind } from '../entities';
import { AccessPolicy, type Actor } from '../policy';
import { presentGroup } from '../presenters';
import { GroupRepository, InstitutionRepository, UserRepository } from '../repositories';
import { AuditedWrite } from './audited-write';

@Injectable()
export class GroupService {
  constructor(
    private readonly groups: GroupRepository,
    private readonly institutions: InstitutionRepository,
    private readonly users: UserRepository,
    private readonly audited: AuditedWrite,
    private readonly sessionEvents: SessionEvents,
  ) {}

  async visibleGroup(actor: Actor, id: string): Promise<GroupEntity> {
    const group = await this.groups.findById(id);
    if (!group || !AccessPolicy.canSeeGroup(actor, group)) throw notFound();
    return group;
  }

  async list(actor: Actor, institutionId?: string) {
    const scopes = AccessPolicy.readableScopes(actor);
    const rows = await this.groups.list({
      groupIds: scopes.everything ? null : [...actor.groupIds, ...actor.ledGroupIds],
      institutionId,
    });
    return { items: rows.map(presentGroup) };
  }

  async get(actor: Actor, id: string) {
    return presentGroup(await this.visibleGroup(actor, id));
  }

  async create(actor: Actor, input: { name: string; kind: GroupKind; description?: string; institutionId?: string | null }) {
    const institutionId = input.institutionId ?? null;
    if (institutionId && !(await this.institutions.findById(institutionId))) throw notFound('School not found');
    if (!AccessPolicy.can(actor, 'group.manage', institutionId)) throw forbidden();
    try {
      const created = await this.audited.run(
        (manager) =>
          this.groups.create(
            {
              institutionId,
              name: input.name.trim(),
              kind: input.kind,
              description: input.description?.trim() ?? '',
            },
            manager,
          ),
        (row) => ({ actorId: actor.userId, action: 'group.create', targetType: 'group', targetId: row.id }),
      );
      return presentGroup(created);
    } catch (error) {
      if (isUniqueViolation(error, 'group_name_key'))
        throw conflict(ErrorCode.NameTaken, 'A group with that name already exists there');
      throw error;
    }
  }

  async update(actor: Actor, id: string, patch: { name?: string; kind?: GroupKind; description?: string }) {
    const group = await this.visibleGroup(actor, id);
    if (!AccessPolicy.can(actor, 'group.manage', group.institutionId)) throw forbidden();
    try {
      await this.audited.run(
        (manager) =>
          this.groups.update(id, { name: patch.name?.trim(), kind: patch.kind, description: patch.description?.trim() }, manager),
        () => ({ actorId: actor.userId, action: 'group.update', targetType: 'group', targetId: id }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'group_name_key'))
        throw conflict(ErrorCode.NameTaken, 'A group with that name already exists there');
      throw error;
    }
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const group = await this.visibleGroup(actor, id);
    if (!AccessPolicy.can(actor, 'group.manage', group.institutionId)) throw forbidden();
    await this.audited.run(
      (manager) => this.groups.delete(id, manager),
      () => ({ actorId: actor.userId, action: 'group.delete', targetType: 'group', targetId: id }),
    );
  }

  async addMember(actor: Actor, groupId: string, userId: string): Promise<void> {
    const group = await this.visibleGroup(actor, groupId);
    if (!AccessPolicy.can(actor, 'group.manage', group.institutionId)) throw forbidden();
    const user = await this.users.findById(userId);
    if (!user) throw notFound('Person not found');
    if (group.institutionId && user.institutionId !== group.institutionId) {
      throw badRequest(ErrorCode.NotInSchool, "Only people of the group's school can join a school group");
    }
    await this.audited.run(
      (manager) => this.groups.addMember(groupId, userId, manager),
      () => ({ actorId: actor.userId, action: 'group.member.add', targetType: 'group', targetId: groupId, data: { userId } }),
    );
  }

  async removeMember(actor: Actor, groupId: string, userId: string): Promise<void> {
    const group = await this.visibleGroup(actor, groupId);
    if (!AccessPolicy.can(actor, 'group.manage', group.institutionId)) throw forbidden();
    await this.audited.run(
      async (manager) => {
        if (!(await this.groups.removeMember(groupId, userId, manager))) throw notFound('Not a member of this group');
      },
      () => ({ actorId: actor.userId, action: 'group.member.remove', targetType: 'group', targetId: groupId, data: { userId } }),
    );
    this.sessionEvents.publish({ type: 'person.access.changed', userId });
  }
}
