import type { GroupKind, InvitationStatus, PlatformRole, SchoolRole } from './types';

export const SCHOOL_ROLES: { value: SchoolRole; label: string }[] = [
  { value: 'student', label: 'Student' },
  { value: 'staff', label: 'Staff' },
  { value: 'faculty', label: 'Faculty' },
  { value: 'leadership', label: 'Leadership' },
];

export const PLATFORM_ROLES: { value: PlatformRole; label: string }[] = [
  { value: 'member', label: 'Member' },
  { value: 'facilitator', label: 'Facilitator' },
  { value: 'admin', label: 'Administrator' },
];

export const GROUP_KINDS: { value: GroupKind; label: string }[] = [
  { value: 'guiding_coalition', label: 'Guiding coalition' },
  { value: 'learning_lab', label: 'Learning lab' },
  { value: 'other', label: 'Other group' },
];

export const INVITATION_STATUSES: { value: InvitationStatus; label: string }[] = [
  { value: 'pending', label: 'Pending' },
  { value: 'accepted', label: 'Accepted' },
  { value: 'revoked', label: 'Revoked' },
  { value: 'expired', label: 'Expired' },
];

function labelOf<T extends string>(list: { value: T; label: string }[], value: T | string | null | undefined): string {
  return list.find((item) => item.value === value)?.label ?? (value ? String(value) : '');
}

export const schoolRoleLabel = (v: string | null | undefined) => labelOf(SCHOOL_ROLES, v);
export const platformRoleLabel = (v: string | null | undefined) => labelOf(PLATFORM_ROLES, v);
export const groupKindLabel = (v: string | null | undefined) => labelOf(GROUP_KINDS, v);
export const invitationStatusLabel = (v: string | null | undefined) => labelOf(INVITATION_STATUSES, v);

/** "a, b,, c " → ["a", "b", "c"], without duplicates (case-insensitive). */
export function parseList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(',')) {
    const item = raw.trim().replace(/\s+/g, ' ');
    if (!item || seen.has(item.toLowerCase())) continue;
    seen.add(item.toLowerCase());
    out.push(item);
  }
  return out;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDate(iso: string | null | undefined, withTime = false): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return (withTime ? dateTimeFormat : dateFormat).format(date);
}
