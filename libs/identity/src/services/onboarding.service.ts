import { Injectable } from '@nestjs/common';
import { Clock, conflict, ErrorCode, hashToken } from '@app/core';
import { isUniqueViolation } from '@app/database';
import { DataSource } from 'typeorm';
import type { SchoolRole } from '../entities';
import { AuditRepository, CohortRepository, InvitationRepository, UserRepository } from '../repositories';
import { AuthService, type ClientInfo } from './auth.service';
import { InvitationService } from './invitation.service';
import { normaliseProfile } from './me.service';
import { PasswordHasher } from './password-hasher';

export interface AcceptInput {
  password: string;
  displayName: string;
  pronouns?: string;
  bio?: string;
  schoolRole?: SchoolRole;
  expertise?: string[];
}

/** Turns an invitation link into an account and a signed-in session, once. */
@Injectable()
export class OnboardingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly invitations: InvitationRepository,
    private readonly invitationRules: InvitationService,
    private readonly users: UserRepository,
    private readonly cohorts: CohortRepository,
    private readonly audit: AuditRepository,
    private readonly hasher: PasswordHasher,
    private readonly auth: AuthService,
    private readonly clock: Clock,
  ) {}

  async accept(token: string, input: AcceptInput, client: ClientInfo): Promise<{ userId: string; sessionToken: string }> {
    // Hash before the transaction: argon2 is slow and must not hold the row lock.
    const passwordHash = await this.hasher.hash(input.password);
    const profile = normaliseProfile(input);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const invitation = await this.invitations.findByTokenHashForUpdate(hashToken(token), manager);
        this.invitationRules.assertUsable(invitation);
        if (await this.users.findByEmail(invitation.email, manager)) {
          throw conflict(ErrorCode.EmailTaken, 'Someone with that email already has an account');
        }
        const user = await this.users.create(
          {
            email: invitation.email,
            passwordHash,
            displayName: profile.displayName!,
            pronouns: profile.pronouns,
            bio: profile.bio,
            expertise: profile.expertise,
            schoolRole: profile.schoolRole ?? invitation.schoolRole,
            platformRole: invitation.platformRole,
            institutionId: invitation.institutionId,
            schoolLead: invitation.schoolLead,
          },
          manager,
        );
        if (invitation.cohortId) await this.cohorts.addMember(invitation.cohortId, user.id, manager);
        const now = this.clock.now();
        await this.invitations.markAccepted(invitation.id, user.id, now, manager);
        await this.audit.record(
          { actorId: user.id, action: 'invitation.accept', targetType: 'invitation', targetId: invitation.id },
          manager,
        );
        const sessionToken = await this.auth.openSession(user.id, client, manager);
        return { userId: user.id, sessionToken };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'app_user_email_key'))
        throw conflict(ErrorCode.EmailTaken, 'Someone with that email already has an account');
      throw error;
    }
  }
}
