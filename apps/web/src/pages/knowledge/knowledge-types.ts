// Knowledge base shapes from docs/api.md ("Knowledge base") and the server's presenters.
import type { TextDiff } from '../../lib/forum-types';

export type ArticleType = 'guide' | 'toolkit' | 'template' | 'case_study' | 'research_summary' | 'video' | 'value_story';
export type ArticleStage = 'draft' | 'in_review' | 'published' | 'needs_review' | 'archived';

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface Attachment {
  kind: 'video' | 'document' | 'link';
  title: string;
  url: string;
}

/** An article in a list: no body. */
export interface Article {
  id: string;
  title: string;
  summary: string | null;
  type: ArticleType;
  phases: number[];
  tags: string[];
  scope: string;
  spaceId: string | null;
  stage: ArticleStage;
  owner: PersonRef & { former: boolean };
  coauthors: PersonRef[];
  verifiedAt: string | null;
  verificationDueAt: string | null;
  publishedAt: string | null;
  archivedAt: string | null;
  revision: number;
  appliedCount: number;
  viewCount: number;
  helpful: { yes: number; no: number };
  updatedAt: string;
  createdAt: string;
}

/** GET /knowledge/articles/:id and every write. */
export interface FullArticle extends Article {
  html: string;
  /** The Markdown source, only for those who may edit. */
  body?: string;
  attachments: Attachment[];
  verificationIntervalDays: number;
  capturedFrom: { kind: 'topic' | 'chat_session' | 'application'; id: string } | null;
  can: { edit: boolean; own: boolean; review: boolean };
  myHelpfulVote: boolean | null;
  appliedByMe: boolean;
}

export interface Revision {
  revision: number;
  author: PersonRef | null;
  note: string | null;
  createdAt: string;
  title: string;
  titleChanged: boolean;
  summaryChanged: boolean;
  diff: TextDiff;
}

export interface ReviewState {
  revision: number;
  approvalsRequired: number;
  approvals: number;
  reviewers: {
    reviewer: PersonRef;
    decision: 'approved' | 'changes_requested' | null;
    decidedRevision: number | null;
    current: boolean;
    decidedAt: string | null;
  }[];
  comments: { id: string; author: PersonRef | null; html: string; createdAt: string }[];
}

export interface Application {
  person: PersonRef;
  storyHtml: string | null;
  storyArticleId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Collection {
  id: string;
  title: string;
  description: string | null;
  scope: string;
  phase: number | null;
  owner: PersonRef;
  itemCount: number;
  canEdit: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface CollectionDetail extends Collection {
  items: Article[];
}

export interface Dashboard {
  stages: Record<ArticleStage, number>;
  overdueByOwner: { owner: PersonRef & { former: boolean }; overdue: number; oldestDueAt: string }[];
  mostApplied: Article[];
  mostViewed: Article[];
  noViewsIn90Days: Article[];
}
