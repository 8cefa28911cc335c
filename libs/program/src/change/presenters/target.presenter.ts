import { renderMarkdown } from '@app/markdown';
import type { CalendarDate } from '../model';
import type { LogEntryRecord, PlanText, StepRecord, TargetListRecord, TargetRecord } from '../repositories';

const iso = (date: Date | string | null) => (date === null ? null : new Date(date).toISOString());

export const personRef = (id: string | null, displayName: string | null) => (id ? { id, displayName: displayName ?? 'Former member' } : null);

function presentTargetFacts(target: Omit<TargetRecord, keyof PlanText>) {
  return {
    id: target.id,
    schoolId: target.institutionId,
    title: target.title,
    description: target.description,
    owner: personRef(target.ownerId, target.ownerName),
    sphere: target.sphere,
    category: target.category,
    status: target.status,
    startsOn: target.startsOn,
    dueOn: target.dueOn,
    createdAt: iso(target.createdAt),
    updatedAt: iso(target.updatedAt),
  };
}

export function presentTargetSummary(target: TargetListRecord) {
  return { ...presentTargetFacts(target), indicatorCount: target.indicatorCount, openStepCount: target.openStepCount };
}

const PLAN_FIELDS: (keyof PlanText)[] = ['stakeholderAnalysis', 'successFactors', 'communicationsPlan', 'studentFeedbackLoop'];

/** The plan's Markdown (for editing) and its HTML (for reading), rendered as it is read: plan text has no stored HTML. */
export function presentPlan(target: PlanText) {
  const markdown = Object.fromEntries(PLAN_FIELDS.map((field) => [field, target[field]])) as Record<keyof PlanText, string>;
  const html = Object.fromEntries(PLAN_FIELDS.map((field) => [field, target[field] ? renderMarkdown(target[field]).html : ''])) as Record<keyof PlanText, string>;
  return { ...markdown, html };
}

export function presentStep(step: StepRecord, today: CalendarDate) {
  return {
    id: step.id,
    targetId: step.targetId,
    title: step.title,
    owner: personRef(step.ownerId, step.ownerName),
    dueOn: step.dueOn,
    done: step.doneAt !== null,
    doneAt: iso(step.doneAt),
    overdue: step.doneAt === null && step.dueOn !== null && step.dueOn < today,
  };
}

export function presentLogEntry(entry: LogEntryRecord) {
  return {
    id: entry.id,
    targetId: entry.targetId,
    kind: entry.kind,
    happenedOn: entry.happenedOn,
    title: entry.title,
    body: entry.body,
    ...(entry.kind === 'correction' ? { reason: entry.reason } : {}),
    sharedArticleId: entry.sharedArticleId,
    recordedBy: personRef(entry.recordedById, entry.recordedByName),
    createdAt: iso(entry.createdAt),
  };
}

export function presentTargetDetail(
  target: TargetRecord,
  parts: { steps: ReturnType<typeof presentStep>[]; indicators: unknown[]; entries: LogEntryRecord[] },
  can: { edit: boolean },
) {
  return {
    ...presentTargetFacts(target),
    plan: presentPlan(target),
    steps: parts.steps,
    indicators: parts.indicators,
    wins: parts.entries.filter((e) => e.kind === 'win').map(presentLogEntry),
    corrections: parts.entries.filter((e) => e.kind === 'correction').map(presentLogEntry),
    can,
  };
}
