export * from './path.module';
export { ITEM_KINDS, PathPolicy, isOverdue, type ItemKind, type ItemStatus } from './policy/path-policy';
export { PathDigestSource, PathNoticeRepository, overdueNudgeKey, type DigestPathItem, type OverdueItem } from './repositories/overdue.repository';
export type { PhaseDates } from './repositories/cohort-plan.repository';
export { CohortProgramService } from './services/cohort-program.service';
export { ContentService, type ItemPatch, type ModuleInput, type NewItemInput } from './services/content.service';
export { ItemProgressService, type ResponseInput } from './services/item-progress.service';
export { MyPathService } from './services/my-path.service';
export { PhaseService } from './services/phase.service';
