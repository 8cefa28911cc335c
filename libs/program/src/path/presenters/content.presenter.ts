import type { ItemRecord, ModuleRecord } from '../repositories/content.repository';
import type { PhaseRecord } from '../repositories/phase.repository';

export const iso = (date: Date | string | null): string | null => (date === null ? null : new Date(date).toISOString());

export function presentPhase(phase: PhaseRecord) {
  return {
    number: phase.number,
    title: phase.title,
    description: phase.description,
    goals: phase.goals,
    moduleCount: phase.moduleCount,
    itemCount: phase.itemCount,
    updatedAt: iso(phase.updatedAt),
  };
}

export function presentModule(module: ModuleRecord) {
  return {
    id: module.id,
    phase: module.phase,
    title: module.title,
    description: module.description,
    position: module.position,
    createdAt: iso(module.createdAt),
    updatedAt: iso(module.updatedAt),
  };
}

/** An item as its authors see it after a write: the Markdown source beside its rendering. */
export function presentItemContent(item: ItemRecord) {
  return {
    id: item.id,
    moduleId: item.moduleId,
    phase: item.phase,
    kind: item.kind,
    title: item.title,
    required: item.required,
    position: item.position,
    videoUrl: item.videoUrl,
    body: item.body,
    html: item.bodyHtml,
    articleId: item.articleId,
    linkUrl: item.linkUrl,
    instrumentId: item.instrumentId,
    createdAt: iso(item.createdAt),
    updatedAt: iso(item.updatedAt),
  };
}
