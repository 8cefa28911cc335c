import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  Clock,
  DomainError,
  ErrorCode,
  badRequest,
  conflict,
  forbidden,
  hashToken,
  newSecretToken,
  notFound,
  type AppConfig,
} from '@app/core';
import { isUniqueViolation } from '@app/database';
import { DataSource, type EntityManager } from 'typeorm';
import type { InvitationEntity, PlatformRole, SchoolRole } from '../entities';
import { AccessPolicy, type Actor } from '../policy';
import { presentInvitation } from '../presenters';
import { AuditRepository, CohortRepository, InstitutionRepository, InvitationRepository, UserRepository } from '../repositories';
import { IdentityMailEvents, type IdentityMail } from './identity-mail-events';

export const INVITATION_TTL_DAYS = 14;
const INVITATION_PREFIX = 'inv_';

export interface InvitationInput {
  email: string;
  displayName?: string;
  institutionId: string;
  cohortId?: string | null;
  schoolRole?: SchoolRole | null;
  platformRole?: PlatformRole;
  schoolLead?: boolean;
}

@Injectable()
export class InvitationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly invitations: InvitationRepository,
    private readonly institutions: InstitutionRepository,
    private readonly cohorts: CohortRepository,
    private readonly users: UserRepository,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
    private readonly mailEvents: IdentityMailEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  acceptUrl(token: string): string {
    return `${this.config.publicUrl}/invite/${token}`;
  }

  /** Who may invite to this school with these roles; shared by single and bulk invitations. */
  async assertMayInvite(actor: Actor, input: Pick<InvitationInput, 'institutionId' | 'platformRole' | 'schoolLead'>) {
    if (!(await this.institutions.findById(input.institutionId))) throw notFound('School not found');
    if (!AccessPolicy.can(actor, 'invitation.manage', input.institutionId)) throw forbidden();
    if (
      (input.platformRole ?? 'member') !== 'member' &&
      !AccessPolicy.can(actor, 'invitation.grantPlatformRole', input.institutionId)
    ) {
      throw forbidden('Only consortium admins can invite facilitators or admins');
    }
    if (input.schoolLead && !AccessPolicy.can(actor, 'invitation.grantSchoolLead', input.institutionId)) throw forbidden();
  }

  async list(actor: Actor, filter: { institutionId?: string; status?: string }) {
    const now = this.clock.now();
    let schools: string[] | null;
    if (actor.platformRole === 'admin') {
      schools = filter.institutionId ? [filter.institutionId] : null;
    } else if (actor.schoolLead && actor.institutionId) {
      // Another school's invitations are out of scope for a lead: they do not exist for them.
      if (filter.institutionId && filter.institutionId !== actor.institutionId) throw notFound();
      schools = [actor.institutionId];
    } else {
      throw forbidden('Only consortium admins and school leads manage invitations');
    }
    const rows = await this.invitations.list({ institutionIds: schools, status: filter.status, now });
    return { items: rows.map((row) => presentInvitation(row, now)) };
  }

  async create(actor: Actor, input: InvitationInput) {
    await this.assertMayInvite(actor, input);
    const { invitation, token, mail } = await this.dataSource.transaction((manager) => this.createWithin(manager, actor, input));
    this.mailEvents.publish(mail);
    return presentInvitation(invitation, this.clock.now(), this.acceptUrl(token));
  }

  /**
   * Writes one invitation inside the caller's transaction, after the permission check.
   * Throws a DomainError for a row that cannot be invited, before anything is written. The caller publishes
   * `mail` once its transaction has committed.
   */
  async createWithin(
    manager: EntityManager,
    actor: Actor,
    input: InvitationInput,
  ): Promise<{ invitation: InvitationEntity; token: string; mail: IdentityMail }> {
    const email = input.email.trim().toLowerCase();
    const now = this.clock.now();
    if (input.cohortId) {
      const cohort = await this.cohorts.findById(input.cohortId, manager);
      if (!cohort || cohort.institutionId !== input.institutionId) {
        throw badRequest(ErrorCode.CohortNotInSchool, 'The cohort does not belong to that school');
      }
    }
    if (await this.users.findByEmail(email, manager))
      throw conflict(ErrorCode.EmailTaken, 'Someone with that email already has an account');
    if (await this.invitations.findPendingByEmail(email, now, manager)) {
      throw conflict(ErrorCode.InvitationPending, 'That email already has a pending invitation');
    }
    await this.invitations.revokeExpiredFor(email, now, manager);
    const token = newSecretToken(INVITATION_PREFIX);
    try {
      const invitation = await this.invitations.create(
        {
          email,
          displayName: input.displayName?.trim() ?? '',
          institutionId: input.institutionId,
          cohortId: input.cohortId ?? null,
          schoolRole: input.schoolRole ?? null,
          platformRole: input.platformRole ?? 'member',
          schoolLead: input.schoolLead ?? false,
          tokenHash: hashToken(token),
          invitedById: actor.userId,
          expiresAt: new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000),
        },
        manager,
      );
      await this.audit.record(
        { actorId: actor.userId, action: 'invitation.create', targetType: 'invitation', targetId: invitation.id },
        manager,
      );
      return { invitation, token, mail: await this.invitationMail(invitation, token, actor, manager) };
    } catch (error) {
      // Two inviters racing for one address: the partial unique index decides.
      if (isUniqueViolation(error, 'invitation_one_pending_per_email')) {
        throw conflict(ErrorCode.InvitationPending, 'That email already has a pending invitation');
      }
      throw error;
    }
  }

  private async invitationMail(
    invitation: InvitationEntity,
    token: string,
    actor: Actor,
    manager: EntityManager,
  ): Promise<IdentityMail> {
    const institution = await this.institutions.findById(invitation.institutionId, manager);
    const inviter = await this.users.findById(actor.userId, manager);
    return {
      type: 'invitation',
      invitationId: invitation.id,
      email: invitation.email,
      displayName: invitation.displayName,
      token,
      invitedByName: inviter?.displayName ?? null,
      institutionName: institution?.name ?? '',
      expiresAt: invitation.expiresAt,
    };
  }

  async revoke(actor: Actor, id: string): Promise<void> {
    const invitation = await this.invitations.findById(id);
    if (!invitation || !AccessPolicy.can(actor, 'invitation.manage', invitation.institutionId)) throw notFound();
    if (!(await this.invitations.revoke(id))) throw conflict(ErrorCode.InvitationUsed, 'The invitation is no longer pending');
    await this.audit.record({ actorId: actor.userId, action: 'invitation.revoke', targetType: 'invitation', targetId: id });
  }

  /** The check an invitation link must pass before it can be shown or used. */
  assertUsable(invitation: InvitationEntity | null): asserts invitation is InvitationEntity {
    if (!invitation || invitation.status === 'revoked') {
      throw new DomainError(ErrorCode.InvitationNotFound, 404, 'This invitation link is not valid');
    }
    if (invitation.status === 'accepted') {
      throw new DomainError(ErrorCode.InvitationUsed, 410, 'This invitation has already been used; sign in instead');
    }
    if (invitation.expiresAt <= this.clock.now()) {
      throw new DomainError(ErrorCode.InvitationExpired, 410, 'This invitation has expired; ask for a new one');
    }
  }

  /** What the accept page shows: only the invitation's own details, to whoever holds the link. */
  async preview(token: string) {
    const invitation = await this.invitations.findByTokenHash(hashToken(token));
    this.assertUsable(invitation);
    const [institution, cohort] = await Promise.all([
      this.institutions.findById(invitation.institutionId),
      invitation.cohortId ? this.cohorts.findById(invitation.cohortId) : Promise.resolve(null),
    ]);
    return {
      email: invitation.email,
      displayName: invitation.displayName,
      schoolRole: invitation.schoolRole,
      institution: institution ? { id: institution.id, name: institution.name } : null,
      cohort: cohort ? { id: cohort.id, name: cohort.name } : null,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }
}
