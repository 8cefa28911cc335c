import type { CollectionRecord } from '../repositories';

export function presentCollection(collection: CollectionRecord, canEdit: boolean) {
  return {
    id: collection.id,
    title: collection.title,
    description: collection.description,
    scope: collection.scopeKey,
    phase: collection.phase,
    owner: { id: collection.ownerId, displayName: collection.ownerName },
    itemCount: collection.itemCount,
    canEdit,
    createdAt: new Date(collection.createdAt).toISOString(),
    updatedAt: new Date(collection.updatedAt).toISOString(),
  };
}
