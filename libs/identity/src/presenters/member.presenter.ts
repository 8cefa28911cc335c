import type { InstitutionEntity, UserEntity } from '../entities';

export interface MemberView {
  id: string;
  handle: string;
  displayName: string;
  pronouns: string;
  schoolRole: string | null;
  bio: string;
  expertise: string[];
  institution: { id: string; name: string } | null;
  platformRole: string;
  schoolLead: boolean;
  status?: string;
  email?: string;
}

/** `showPrivate` adds email and status: for the person, admins and their school's leads only. */
export function presentMember(user: UserEntity, institutions: Map<string, InstitutionEntity>, showPrivate: boolean): MemberView {
  const institution = user.institutionId ? institutions.get(user.institutionId) : undefined;
  const view: MemberView = {
    id: user.id,
    handle: user.handle,
    displayName: user.displayName,
    pronouns: user.pronouns,
    schoolRole: user.schoolRole,
    bio: user.bio,
    expertise: user.expertise,
    institution: institution ? { id: institution.id, name: institution.name } : null,
    platformRole: user.platformRole,
    schoolLead: user.schoolLead,
  };
  if (showPrivate) {
    view.email = user.email;
    view.status = user.status;
  }
  return view;
}
