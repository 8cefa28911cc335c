import { AccessPolicy, type Actor, type ScopeKey } from '@app/identity';

/** What the forum rules need to know about a space, loaded with it. */
export interface SpaceAccessFacts {
  scopeKey: ScopeKey;
  whoMayStart: 'everyone' | 'facilitators';
  allowAnonymous: boolean;
  /** The people assigned to facilitate this space; only they may see who wrote an anonymous post. */
  facilitatorIds: readonly string[];
}

/**
 * Forum rules over the identity access policy: reading follows the space's scope; facilitation belongs
 * to the space's assigned facilitators (admins may moderate, but never see anonymous identities).
 */
export const ForumPolicy = {
  canRead(actor: Actor, space: Pick<SpaceAccessFacts, 'scopeKey'>): boolean {
    return AccessPolicy.canRead(actor, space.scopeKey);
  },

  isFacilitator(actor: Actor, space: Pick<SpaceAccessFacts, 'facilitatorIds'>): boolean {
    return space.facilitatorIds.includes(actor.userId);
  },

  /** Hide, restore, temperature, slow mode. */
  canModerate(actor: Actor, space: SpaceAccessFacts): boolean {
    return ForumPolicy.isFacilitator(actor, space) || actor.platformRole === 'admin';
  },

  /** Seeing and revealing who wrote an anonymous post: the space's facilitators only. */
  canSeeAnonymousAuthors(actor: Actor, space: SpaceAccessFacts): boolean {
    return ForumPolicy.isFacilitator(actor, space);
  },

  canStartTopic(actor: Actor, space: SpaceAccessFacts): boolean {
    return space.whoMayStart === 'everyone' || ForumPolicy.canModerate(actor, space);
  },
};
