import type { PostRecord } from '../repositories';
import { presentAuthor } from './author.presenter';

export interface PostViewer {
  userId: string;
  /** The space's moderators also see hidden text and posts awaiting approval. */
  canModerate: boolean;
}

/** Whether a post appears at all: pending posts only to their author and the space's moderators. */
export const postIsListed = (post: PostRecord, viewer: PostViewer) =>
  post.status !== 'pending' || post.authorId === viewer.userId || viewer.canModerate;

export function presentPost(post: PostRecord, viewer: PostViewer) {
  const mine = post.authorId === viewer.userId;
  const showBody =
    post.status === 'visible' || post.status === 'pending' || (post.status === 'hidden' && (viewer.canModerate || mine));
  return {
    id: post.id,
    topicId: post.topicId,
    postNumber: post.postNumber,
    author: presentAuthor({ id: post.authorId, displayName: post.authorName }, post),
    mine,
    replyToPostNumber: post.replyToPostNumber,
    html: showBody ? post.html : null,
    status: post.status,
    hiddenReason: post.status === 'hidden' ? post.hiddenReason : null,
    edited: post.editedAt !== null,
    editedAt: post.editedAt?.toISOString() ?? null,
    createdAt: post.createdAt.toISOString(),
    reactions: post.reactionCounts ?? {},
    myReactions: post.myReactions,
    /** The reader's own bookmark and its reminder: like `mine` and `myReactions`, never part of a room event. */
    bookmarked: post.bookmarked,
    bookmarkReminderAt: post.bookmarkReminderAt?.toISOString() ?? null,
  };
}

export type PostView = ReturnType<typeof presentPost>;
