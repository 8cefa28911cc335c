import type { OpenFlagRecord, OwnFlagRecord, ReviewPostRecord } from '../repositories/flag.repository';
import { presentAuthor } from './author.presenter';

/** What the reporter sees of their own report: its status, never who else flagged or what reviewers wrote. */
export function presentOwnFlag(flag: OwnFlagRecord) {
  return {
    id: flag.id,
    kind: flag.kind,
    note: flag.note,
    status: flag.status,
    postId: flag.postId,
    topicId: flag.topicId,
    createdAt: new Date(flag.createdAt).toISOString(),
    resolvedAt: flag.resolvedAt ? new Date(flag.resolvedAt).toISOString() : null,
  };
}

/**
 * A post in the review queue. The author goes through presentAuthor, so an anonymous post shows only its
 * pseudonym here too; identity stays behind the audited reveal. Hidden text is for the space's moderators.
 */
export function presentReviewPost(post: ReviewPostRecord) {
  const showBody = post.status === 'visible' || post.status === 'pending' || (post.status === 'hidden' && post.moderates);
  return {
    id: post.postId,
    topicId: post.topicId,
    topicTitle: post.topicTitle,
    spaceId: post.spaceId,
    postNumber: post.postNumber,
    author: presentAuthor({ id: post.authorId, displayName: post.authorName }, post),
    status: post.status,
    html: showBody ? post.html : null,
    createdAt: new Date(post.postCreatedAt).toISOString(),
  };
}

/** Open flags grouped per post, oldest first; reviewers see who reported (the reported author never does). */
export function presentFlaggedPosts(flags: OpenFlagRecord[]) {
  const byPost = new Map<string, { post: ReturnType<typeof presentReviewPost>; flags: ReturnType<typeof presentReviewFlag>[] }>();
  for (const flag of flags) {
    const entry = byPost.get(flag.postId) ?? { post: presentReviewPost(flag), flags: [] };
    entry.flags.push(presentReviewFlag(flag));
    byPost.set(flag.postId, entry);
  }
  return [...byPost.values()];
}

function presentReviewFlag(flag: OpenFlagRecord) {
  return {
    id: flag.id,
    kind: flag.kind,
    note: flag.note,
    reporter: { id: flag.reporterId, displayName: flag.reporterName },
    createdAt: new Date(flag.createdAt).toISOString(),
  };
}
