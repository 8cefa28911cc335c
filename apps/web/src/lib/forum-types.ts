// Forum shapes from docs/api.md ("Forum") and the server's presenters.

export type TopicState = 'open' | 'slow' | 'paused' | 'closed';
export type TopicPin = 'none' | 'space' | 'global';
export type SubscriptionLevel = 'watching' | 'tracking' | 'normal' | 'muted';
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
  /** The reader's preference: fold the posts behind the notes until they choose to see them. Unset reads as true. */
  contentNotesCollapsed?: boolean;
  pinned: TopicPin;
  state: TopicState;
  slowModeSeconds: number | null;
  archived: boolean;
  unlisted: boolean;
  /** A question topic's accepted answer. */
  answerPostNumber: number | null;
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
  editedAt?: string | null;
  createdAt: string;
  reactions: Partial<Record<ReactionKind, number>>;
  myReactions?: ReactionKind[];
  /** The reader's own bookmark and its reminder; room events leave them out. */
  bookmarked?: boolean;
  bookmarkReminderAt?: string | null;
}

/** GET /posts/:id/revisions: earlier texts, and the current source (how the author gets it back to edit). */
export interface PostRevisions {
  items: { revision: number; source: string; createdAt: string; editedBy: Author; diff: TextDiff }[];
  current: string;
}

/** A line diff from the server: changed runs, and unchanged runs cut to their context lines. */
export interface TextDiff {
  parts: { op: 'same' | 'removed' | 'added'; lines: string[] }[];
  skippedLines: number;
}

export interface Bookmark {
  postId: string;
  reminderAt: string | null;
  createdAt: string;
}

/** A saved reply draft (GET/PUT /topics/:id/draft). */
export interface Draft {
  title: string | null;
  body: string;
  updatedAt: string;
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

/** GET /topics: the first page of "latest" also carries the pinned topics that head it. */
export interface TopicListPage {
  items: Topic[];
  nextCursor: string | null;
  pinned?: Topic[];
}

/** One of GET /me/bookmarks. */
export interface BookmarkEntry {
  post: Post;
  reminderAt: string | null;
  createdAt: string;
}
