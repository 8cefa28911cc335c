import { queryString } from '../../lib/api';
import { ARTICLE_TYPES } from './knowledge-labels';

/** The lists the knowledge home offers as tabs; the choice and the filters live in the address. */
export const KNOWLEDGE_VIEWS = [
  { value: 'recent', label: 'Recently updated' },
  { value: 'needs-review', label: 'Needs review' },
  { value: 'collections', label: 'Collections' },
  { value: 'mine', label: 'My articles' },
  { value: 'reviewing', label: 'To review' },
] as const;
export type KnowledgeView = (typeof KNOWLEDGE_VIEWS)[number]['value'];

export interface KnowledgeQuery {
  view: KnowledgeView;
  phase: number | null;
  type: string;
}

export function parseKnowledgeQuery(search: string): KnowledgeQuery {
  const params = new URLSearchParams(search);
  const phase = Number(params.get('phase'));
  const type = params.get('type') ?? '';
  return {
    view: KNOWLEDGE_VIEWS.find((v) => v.value === params.get('view'))?.value ?? 'recent',
    phase: Number.isInteger(phase) && phase >= 1 && phase <= 6 ? phase : null,
    type: ARTICLE_TYPES.some((t) => t.value === type) ? type : '',
  };
}

export function knowledgeSearch(query: KnowledgeQuery): string {
  return queryString({
    view: query.view === 'recent' ? null : query.view,
    phase: query.phase,
    type: query.view === 'collections' ? null : query.type,
  });
}

const ALL_STAGES = 'draft,in_review,published,needs_review,archived';

/** GET /knowledge/articles parameters for an article view. */
export function articleListQuery(query: KnowledgeQuery) {
  const base = { phase: query.phase, type: query.type || null };
  switch (query.view) {
    case 'needs-review':
      return { ...base, stage: 'needs_review' };
    case 'mine':
      return { ...base, mine: true, stage: ALL_STAGES };
    case 'reviewing':
      return { ...base, reviewing: true, stage: 'in_review' };
    default:
      return { ...base, stage: 'published,needs_review' };
  }
}

export const EMPTY_TEXT: Record<KnowledgeView, string> = {
  recent: 'No published articles yet.',
  'needs-review': 'Nothing is overdue for review.',
  collections: 'No collections yet.',
  mine: 'You have not written or co-written any articles yet.',
  reviewing: 'No one has asked you to review an article.',
};
