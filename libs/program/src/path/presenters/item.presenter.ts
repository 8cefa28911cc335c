import { isOverdue } from '../policy/path-policy';
import type { CohortRecord } from '../repositories/cohort-plan.repository';
import type { ItemRecord } from '../repositories/content.repository';
import type { ProgressRecord, ResponseRecord } from '../repositories/progress.repository';
import type { ReadingArticle } from '../../article-lookup.service';
import { iso } from './content.presenter';
import { statusOf } from './path.presenter';

export interface ItemFacts {
  item: ItemRecord;
  /** A reading's article when this reader may read it (never hinted otherwise). */
  article: ReadingArticle | null;
  cohort: CohortRecord | null;
  dueOn: string | null;
  progress: ProgressRecord | null;
  peerResponses: ResponseRecord[];
  today: string;
  can: { manage: boolean };
}

/** A response as others see it: who, what, when; nothing about whether it was shared (they only see shared ones). */
export function presentResponse(response: ResponseRecord) {
  return {
    author: { id: response.authorId, displayName: response.authorName },
    html: response.responseHtml,
    updatedAt: iso(response.updatedAt),
  };
}

/** One item for one person: the content, their progress and response, and what their cohort peers shared. */
export function presentItem(facts: ItemFacts) {
  const { item, progress } = facts;
  const status = statusOf(progress ?? undefined);
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    required: item.required,
    phase: item.phase,
    module: { id: item.moduleId, title: item.moduleTitle },
    html: item.bodyHtml,
    // The Markdown source is for those who edit the path.
    body: facts.can.manage ? item.body : undefined,
    videoUrl: item.videoUrl,
    article: facts.article,
    // Whether an article is linked at all is the writer's business; a reader without access sees no trace of it.
    articleId: facts.can.manage ? item.articleId : undefined,
    linkUrl: item.linkUrl,
    instrumentId: item.instrumentId,
    cohort: facts.cohort ? { id: facts.cohort.id, name: facts.cohort.name } : null,
    dueOn: facts.dueOn,
    overdue: isOverdue({ required: item.required, status, dueOn: facts.dueOn }, facts.today),
    progress: {
      status,
      startedAt: iso(progress?.startedAt ?? null),
      completedAt: iso(progress?.completedAt ?? null),
      response:
        progress && progress.response !== null
          ? {
              body: progress.response,
              html: progress.responseHtml ?? '',
              sharedWithCohort: progress.sharedWithCohort,
              updatedAt: iso(progress.updatedAt),
            }
          : null,
    },
    peerResponses: facts.peerResponses.map(presentResponse),
    can: {
      manage: facts.can.manage,
      complete: item.kind !== 'assessment',
      respond: item.kind === 'activity',
    },
  };
}
