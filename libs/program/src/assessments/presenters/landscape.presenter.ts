import type { EffortRecord } from '../repositories';

export function presentEffort(effort: EffortRecord) {
  return {
    id: effort.id,
    institutionId: effort.institutionId,
    name: effort.name,
    sphere: effort.sphere,
    startedOn: effort.startedOn,
    status: effort.status,
    effectivenessEvidence: effort.effectivenessEvidence,
    createdBy: effort.createdById ? { id: effort.createdById, displayName: effort.createdByName } : null,
    createdAt: new Date(effort.createdAt).toISOString(),
    updatedAt: new Date(effort.updatedAt).toISOString(),
  };
}
