import { AccessPolicy, institutionScope, type Actor } from '@app/identity';

/**
 * Who reads and writes a school's change work. Reading: the school's members and the program team (admins and
 * facilitators, who see every school). Writing: the permission table's 'change.manage' (admins, the school's leads),
 * the members of the school's guiding coalition whose term covers today, and a target's owner for that target.
 * Everyone else learns nothing: the school's change data does not exist for them (404).
 */
export const ChangePolicy = {
  isProgramTeam(actor: Actor): boolean {
    return actor.platformRole === 'admin' || actor.platformRole === 'facilitator';
  },

  canReadSchool(actor: Actor, schoolId: string): boolean {
    return AccessPolicy.canRead(actor, institutionScope(schoolId));
  },

  /** Managing the coalition (its members, terms and chair) is the school's leads' and the admins'. */
  managesSchool(actor: Actor, schoolId: string): boolean {
    return AccessPolicy.can(actor, 'change.manage', schoolId);
  },

  /**
   * Any target of the school, and new ones. `inCoalition` says whether the person serves on the school's coalition
   * today; it counts only while they still belong to the school.
   */
  writesSchool(actor: Actor, schoolId: string, inCoalition: boolean): boolean {
    return ChangePolicy.managesSchool(actor, schoolId) || (inCoalition && actor.institutionId === schoolId);
  },

  writesTarget(actor: Actor, target: { institutionId: string; ownerId: string | null }, inCoalition: boolean): boolean {
    return ChangePolicy.writesSchool(actor, target.institutionId, inCoalition) || target.ownerId === actor.userId;
  },

  /** Whether the answer can depend on the coalition at all: only a member of the school can serve on it. */
  mayServeOnCoalition(actor: Actor, schoolId: string): boolean {
    return actor.institutionId === schoolId;
  },

  /** In the consortium view a school is named to the program team, to its own members, or if it opted in. */
  namesSchool(actor: Actor, school: { id: string; namedToPeers: boolean }): boolean {
    return ChangePolicy.isProgramTeam(actor) || actor.institutionId === school.id || school.namedToPeers;
  },

  /** The consortium view: anyone with a school, and the program team. */
  seesConsortium(actor: Actor): boolean {
    return ChangePolicy.isProgramTeam(actor) || actor.institutionId !== null;
  },
};
