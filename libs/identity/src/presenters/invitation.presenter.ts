import type { InvitationEntity } from '../entities';

/** Expiry is derived at read time, so an old pending invitation shows as expired without a sweep. */
export function presentInvitation(invitation: InvitationEntity, now: Date, acceptUrl?: string) {
  const expired = invitation.status === 'pending' && invitation.expiresAt <= now;
  return {
    id: invitation.id,
    email: invitation.email,
    displayName: invitation.displayName,
    institutionId: invitation.institutionId,
    cohortId: invitation.cohortId,
    schoolRole: invitation.schoolRole,
    platformRole: invitation.platformRole,
    schoolLead: invitation.schoolLead,
    status: expired ? 'expired' : invitation.status,
    expiresAt: invitation.expiresAt.toISOString(),
    createdAt: invitation.createdAt.toISOString(),
    ...(acceptUrl ? { acceptUrl } : {}),
  };
}
