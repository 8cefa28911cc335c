// Forum shapes from docs/api.md ("Forum") and the server's presenters.

export type TopicState = 'open' | 'slow' | 'paused' | 'closed';
export type ReactionKind = 'heart' | 'thanks' | 'insightful' | 'support' | 'agree';

export interface Space {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  scope: string;
  parentId: string | null;
  phase: number | null;
  settings: { whoMayStart: 'everyone' | 'facilitators'; allowAnonymous: boolean; slowModeSeconds: number; firstPostsNeedApproval: boolean };
  isFacilitator: boolean;
  agreementVersion: number | null;
  acceptedAgreementVersion: number | null;
  topicCount: number;
}

export interface Author {
  id?: string;
  displayName: string;
  anonymous: boolean;
  pseudonym?: string;
}

export interface Topic {
  id: string;
  spaceId: string;
  title: string;
  author: Author;
  kind: string;
  tags: string[];
  phase: number | null;
  contentNotes: string[];
  pinned: boolean;
  state: TopicState;
  slowModeSeconds: number | null;
  replyCount: number;
  lastPostNumber: number;
  createdAt: string;
  bumpedAt: string;
  isNew: boolean;
  unreadCount: number | null;
  lastReadPostNumber: number | null;
}

export interface Post {
  id: string;
  topicId: string;
  postNumber: number;
  author: Author;
  mine?: boolean;
  replyToPostNumber: number | null;
  html: string | null;
  status: 'visible' | 'hidden' | 'pending' | 'deleted';
  hiddenReason: string | null;
  edited: boolean;
  createdAt: string;
  reactions: Partial<Record<ReactionKind, number>>;
  myReactions?: ReactionKind[];
}

export interface Agreement {
  version: number;
  body: string;
  publishedAt: string;
  acceptedVersion: number | null;
  accepted: boolean;
}

export type FlagKind = 'spam' | 'off_topic' | 'harm';
export type FlagStatus = 'received' | 'reviewed' | 'action_taken';

/** One of the caller's own reports (GET /me/flags). */
export interface OwnFlag {
  id: string;
  kind: FlagKind;
  note: string | null;
  status: FlagStatus;
  postId: string;
  topicId: string;
  createdAt: string;
  resolvedAt: string | null;
}

/** A post as the review queue shows it; anonymous authors keep their pseudonym. */
export interface ReviewPost {
  id: string;
  topicId: string;
  topicTitle: string;
  spaceId: string;
  postNumber: number;
  author: Author;
  status: Post['status'];
  html: string | null;
  createdAt: string;
}

export interface ReviewFlag {
  id: string;
  kind: FlagKind;
  note: string | null;
  reporter: { id: string; displayName: string };
  createdAt: string;
}

export interface ReviewQueue {
  flagged: { post: ReviewPost; flags: ReviewFlag[] }[];
  pending: ReviewPost[];
}
