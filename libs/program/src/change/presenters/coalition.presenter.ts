import { termCovers, type CalendarDate } from '../model';
import type { CoalitionGroupRecord, CoalitionMemberRecord, SchoolFacts } from '../repositories';

export function presentCoalitionMember(member: CoalitionMemberRecord, today: CalendarDate) {
  return {
    user: { id: member.userId, displayName: member.displayName },
    termStartsOn: member.termStartsOn,
    termEndsOn: member.termEndsOn,
    chair: member.chair,
    /** Serving today: the term covers today (it ends exclusive), or the member has no term. */
    active: termCovers({ startsOn: member.termStartsOn, endsOn: member.termEndsOn }, today),
  };
}

export function presentCoalition(
  school: SchoolFacts,
  groups: CoalitionGroupRecord[],
  members: CoalitionMemberRecord[],
  today: CalendarDate,
  can: { manage: boolean },
) {
  return {
    school: { id: school.id, name: school.name },
    today,
    groups: groups.map((group) => ({
      id: group.id,
      name: group.name,
      description: group.description,
      members: members.filter((m) => m.groupId === group.id).map((m) => presentCoalitionMember(m, today)),
    })),
    can,
  };
}
