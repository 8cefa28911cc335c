import type { SpaceRecord } from '../repositories';

export function presentSpace(space: SpaceRecord, viewer: { userId: string; acceptedAgreementVersion?: number | null }) {
  return {
    id: space.id,
    slug: space.slug,
    name: space.name,
    description: space.description,
    scope: space.scopeKey,
    parentId: space.parentId,
    phase: space.phase,
    settings: {
      whoMayStart: space.whoMayStart,
      allowAnonymous: space.allowAnonymous,
      slowModeSeconds: space.slowModeSeconds,
      firstPostsNeedApproval: space.firstPostsNeedApproval,
    },
    facilitatorIds: space.facilitatorIds,
    isFacilitator: space.facilitatorIds.includes(viewer.userId),
    agreementVersion: space.agreementVersion,
    acceptedAgreementVersion: viewer.acceptedAgreementVersion ?? null,
    topicCount: space.topicCount,
    createdAt: new Date(space.createdAt).toISOString(),
  };
}

export type SpaceView = ReturnType<typeof presentSpace>;
