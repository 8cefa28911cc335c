// Shapes from docs/api.md. Kept by hand rather than generated so the client builds without the server.

export type SchoolRole = 'student' | 'staff' | 'faculty' | 'leadership';
export type PlatformRole = 'admin' | 'facilitator' | 'member';
export type GroupKind = 'guiding_coalition' | 'learning_lab' | 'other';
export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export interface Me {
  id: string;
  email: string;
  displayName: string;
  pronouns: string | null;
  schoolRole: SchoolRole | null;
  bio: string | null;
  expertise: string[];
  platformRole: PlatformRole;
  institution: { id: string; name: string; slug: string } | null;
  schoolLeadOf: string[];
  cohorts: { id: string; name: string; programYear: number; institutionId: string }[];
  groups: { id: string; name: string; kind: GroupKind }[];
  scopes: string[];
  can: { manageInstitutions: boolean; invite: boolean; manageCohorts: boolean; manageGroups: boolean };
}

export interface Member {
  id: string;
  displayName: string;
  pronouns: string | null;
  schoolRole: SchoolRole | null;
  bio: string | null;
  expertise: string[];
  institution: { id: string; name: string } | null;
  platformRole: PlatformRole;
  schoolLead: boolean;
  email?: string;
  status?: string;
}

export interface Institution {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  memberCount?: number;
}

export interface Cohort {
  id: string;
  name: string;
  programYear: number;
  institutionId: string;
  memberCount?: number;
}

export interface Group {
  id: string;
  name: string;
  kind: GroupKind;
  description: string | null;
  institutionId: string | null;
  memberCount?: number;
}

export interface Invitation {
  id: string;
  email: string;
  displayName: string | null;
  institutionId: string;
  cohortId: string | null;
  schoolRole: SchoolRole | null;
  platformRole: PlatformRole;
  schoolLead: boolean;
  status: InvitationStatus;
  expiresAt: string;
  createdAt: string;
  acceptUrl?: string;
}

export interface InvitationPreview {
  email: string;
  displayName: string | null;
  schoolRole?: SchoolRole | null;
  institution: { id: string; name: string } | null;
  cohort: { id: string; name: string } | null;
  expiresAt: string;
}

export interface BulkRow {
  row: number;
  email: string;
  status: 'created' | 'rejected';
  code?: string;
  message?: string;
  acceptUrl?: string;
}

export interface BulkReport {
  created: number;
  rejected: number;
  rows: BulkRow[];
}

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Cursor pages; the short admin lists come back as `{ items }` without a cursor. */
export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}
