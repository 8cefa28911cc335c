import type { Me } from '../../lib/types';
import type { ArticleStage, ArticleType } from './knowledge-types';

export const ARTICLE_TYPES: { value: ArticleType; label: string }[] = [
  { value: 'guide', label: 'Guide' },
  { value: 'toolkit', label: 'Toolkit' },
  { value: 'template', label: 'Template' },
  { value: 'case_study', label: 'Case study' },
  { value: 'research_summary', label: 'Research summary' },
  { value: 'video', label: 'Video' },
  { value: 'value_story', label: 'Value story' },
];

export const STAGES: { value: ArticleStage; label: string }[] = [
  { value: 'draft', label: 'Draft' },
  { value: 'in_review', label: 'In review' },
  { value: 'published', label: 'Published' },
  { value: 'needs_review', label: 'Needs review' },
  { value: 'archived', label: 'Archived' },
];

export const ATTACHMENT_KINDS = [
  { value: 'link', label: 'Link' },
  { value: 'document', label: 'Document' },
  { value: 'video', label: 'Video' },
];

export const articleTypeLabel = (type: string | null | undefined) => ARTICLE_TYPES.find((t) => t.value === type)?.label ?? type ?? '';
export const stageLabel = (stage: string | null | undefined) => STAGES.find((s) => s.value === stage)?.label ?? stage ?? '';

/** The scopes a person may write for: the consortium, their school, their cohorts and groups. */
export function scopeOptions(me: Me): { value: string; label: string }[] {
  const options = [{ value: 'consortium', label: 'Whole consortium' }];
  if (me.institution) options.push({ value: `inst:${me.institution.id}`, label: `School: ${me.institution.name}` });
  for (const c of me.cohorts) options.push({ value: `cohort:${c.id}`, label: `Cohort: ${c.name}` });
  for (const g of me.groups) options.push({ value: `group:${g.id}`, label: `Group: ${g.name}` });
  return options;
}

export const articleHref = (id: string) => `/knowledge/a/${encodeURIComponent(id)}`;
export const collectionHref = (id: string) => `/knowledge/c/${encodeURIComponent(id)}`;
