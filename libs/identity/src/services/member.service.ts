import { SessionEvents } from './session-events';
import { Injectable } from '@nestjs/common';
import { Clock, decodeCursor, forbidden, notFound, toPage, type Page } from '@app/core';
import { DataSource } from 'typeorm';
import type { PlatformRole, SchoolRole, UserEntity } from '../entities';
import { AccessPolicy, type Actor } from '../policy';
import { presentMember, type MemberView } from '../presenters';
import { AuditRepository, InstitutionRepository, SessionRepository, UserRepository } from '../repositories';
import { CohortService } from './cohort.service';
import { GroupService } from './group.service';

export interface DirectoryFilters {
  q?: string;
  institutionId?: string;
  schoolRole?: SchoolRole;
  cohortId?: string;
  groupId?: string;
  expertise?: string;
  cursor?: string;
  limit?: number;
}

@Injectable()
export class MemberService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly institutions: InstitutionRepository,
    private readonly sessions: SessionRepository,
    private readonly audit: AuditRepository,
    private readonly cohorts: CohortService,
    private readonly groups: GroupService,
    private readonly clock: Clock,
    private readonly sessionEvents: SessionEvents,
  ) {}

  /** Email and account status are shown to the person, admins, and the leads of the person's school. */
  private seesPrivate(actor: Actor, user: UserEntity): boolean {
    return actor.userId === user.id || AccessPolicy.can(actor, 'member.viewEmail', user.institutionId);
  }

  private async present(actor: Actor, users: UserEntity[]): Promise<MemberView[]> {
    const schoolIds = [...new Set(users.map((u) => u.institutionId).filter((id): id is string => id !== null))];
    const schools = new Map((await this.institutions.findByIds(schoolIds)).map((i) => [i.id, i]));
    return users.map((u) => presentMember(u, schools, this.seesPrivate(actor, u)));
  }

  /**
   * The directory: active people across the consortium (a community of practice is meant to find each other).
   * Filtering by a cohort or group first checks that the actor may see it, so a filter cannot probe for one.
   */
  async directory(actor: Actor, filters: DirectoryFilters): Promise<Page<MemberView>> {
    if (filters.cohortId) await this.cohorts.visibleCohort(actor, filters.cohortId);
    if (filters.groupId) await this.groups.visibleGroup(actor, filters.groupId);
    if (filters.institutionId && !(await this.institutions.findById(filters.institutionId))) throw notFound();
    const limit = filters.limit ?? 25;
    const includeDeactivatedOf =
      actor.platformRole === 'admin' ? 'all' : actor.schoolLead && actor.institutionId ? actor.institutionId : null;
    const rows = await this.users.directory({
      text: filters.q?.trim() || undefined,
      institutionId: filters.institutionId,
      schoolRole: filters.schoolRole,
      cohortId: filters.cohortId,
      groupId: filters.groupId,
      expertise: filters.expertise?.trim() || undefined,
      includeDeactivatedOf,
      after: decodeCursor(filters.cursor),
      limit,
    });
    const visible = rows.slice(0, limit);
    const views = await this.present(actor, visible);
    const byId = new Map(views.map((v) => [v.id, v]));
    return toPage(
      rows,
      limit,
      (u) => ({ key: u.displayName, id: u.id }),
      (u) => byId.get(u.id)!,
    );
  }

  /** A deactivated person exists only for those who administer them. */
  private async visibleUser(actor: Actor, id: string): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (!user) throw notFound();
    if (user.status !== 'active' && !AccessPolicy.can(actor, 'member.manage', user.institutionId)) throw notFound();
    return user;
  }

  async get(actor: Actor, id: string): Promise<MemberView> {
    const user = await this.visibleUser(actor, id);
    return (await this.present(actor, [user]))[0];
  }

  async updateRoles(actor: Actor, id: string, patch: { platformRole?: PlatformRole; schoolLead?: boolean }): Promise<MemberView> {
    const user = await this.visibleUser(actor, id);
    if (patch.platformRole !== undefined && !AccessPolicy.can(actor, 'member.setPlatformRole', user.institutionId))
      throw forbidden();
    if (patch.schoolLead !== undefined && !AccessPolicy.can(actor, 'member.setSchoolLead', user.institutionId)) throw forbidden();
    if (patch.schoolLead && !user.institutionId) throw forbidden('Only a member of a school can lead it');
    await this.users.updateRoles(id, patch);
    await this.audit.record({ actorId: actor.userId, action: 'member.roles', targetType: 'user', targetId: id, data: patch });
    this.sessionEvents.publish({ type: 'person.access.changed', userId: id });
    return this.get(actor, id);
  }

  /** Deactivation ends every session and API token of the person in the same transaction. */
  async deactivate(actor: Actor, id: string): Promise<void> {
    const user = await this.visibleUser(actor, id);
    if (!AccessPolicy.can(actor, 'member.manage', user.institutionId)) throw forbidden();
    if (user.platformRole !== 'member' && actor.platformRole !== 'admin') throw forbidden();
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      await this.users.deactivate(id, now, manager);
      await this.sessions.revokeAllOf(id, now, undefined, manager);
      await this.sessions.revokeAllApiTokensOf(id, now, manager);
      await this.audit.record({ actorId: actor.userId, action: 'member.deactivate', targetType: 'user', targetId: id }, manager);
    });
    this.sessionEvents.publish({ type: 'person.sessions.ended', userId: id, exceptSessionId: null });
  }
}
