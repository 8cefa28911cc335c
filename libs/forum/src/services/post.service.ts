import { Injectable } from '@nestjs/common';
import { badRequest, Clock, conflict, diffLines, DomainError, ErrorCode, forbidden, notFound } from '@app/core';
import { AuditedWrite, type Actor } from '@app/identity';
import { RENDERER_VERSION } from '@app/markdown';
import { DataSource } from 'typeorm';
import { ForumPolicy } from '../policy';
import { postIsListed, presentAuthor, presentPost, presentRevealedAuthor, type PostViewer } from '../presenters';
import { PostRepository, TopicRepository, type PostRecord, type SpaceRecord, type TopicRecord } from '../repositories';
import { PersonalRepository } from '../repositories/personal.repository';
import { PostingRules } from './posting-rules.service';
import { MentionRenderer } from './mention-renderer.service';
import { PostWriter } from './post-writer.service';
import { ForumEvents } from './forum-events';
import { SpaceAccess } from './space-access.service';

export const REACTIONS = ['heart', 'thanks', 'insightful', 'support', 'agree'] as const;
export type ReactionKind = (typeof REACTIONS)[number];

const viewerOf = (actor: Actor, space: SpaceRecord): PostViewer => ({
  userId: actor.userId,
  canModerate: ForumPolicy.canModerate(actor, space),
});

@Injectable()
export class PostService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly posts: PostRepository,
    private readonly access: SpaceAccess,
    private readonly rules: PostingRules,
    private readonly writer: PostWriter,
    private readonly audited: AuditedWrite,
    private readonly clock: Clock,
    private readonly events: ForumEvents,
    private readonly mentions: MentionRenderer,
    private readonly personal: PersonalRepository,
    private readonly topics: TopicRepository,
  ) {}

  private changed(space: SpaceRecord, post: PostRecord): void {
    this.events.publish({ type: 'post.updated', spaceId: space.id, topicId: post.topicId, postId: post.id });
  }

  /**
   * A post as every reader of its topic may see it (the payload of a room event): nothing personal to one
   * reader, hidden text removed, and nothing at all for a post awaiting approval.
   */
  async publicView(postId: string) {
    const post = await this.posts.findById(postId, '00000000-0000-0000-0000-000000000000');
    if (!post || post.status === 'pending') return null;
    const {
      mine: _mine,
      myReactions: _myReactions,
      bookmarked: _bookmarked,
      bookmarkReminderAt: _bookmarkReminderAt,
      ...view
    } = presentPost(post, { userId: '', canModerate: false });
    return view;
  }

  /** A post the actor may see, with its topic and space; anything else is a 404. */
  private async readablePost(
    actor: Actor,
    postId: string,
  ): Promise<{ post: PostRecord; topic: TopicRecord; space: SpaceRecord }> {
    const post = await this.posts.findById(postId, actor.userId);
    if (!post) throw notFound();
    const { topic, space } = await this.access.readableTopic(actor, post.topicId);
    if (!postIsListed(post, viewerOf(actor, space))) throw notFound();
    return { post, topic, space };
  }

  async reply(actor: Actor, topicId: string, input: { body: string; anonymous?: boolean; replyToPostNumber?: number }) {
    const { topic, space } = await this.access.readableTopic(actor, topicId);
    const anonymous = input.anonymous ?? false;
    this.rules.assertAnonymityAllowed(space, anonymous);
    this.rules.assertSourceSize(input.body);
    await this.rules.assertAgreementsAccepted(actor, space);
    await this.rules.assertNotFlooding(actor);
    const status = await this.rules.initialStatus(actor, space);
    const { postId } = await this.dataSource.transaction(async (manager) => {
      // Checked inside the transaction, under a per-person slow-mode lock, so two quick replies cannot both slip through.
      await this.rules.assertTopicAcceptsPosts(actor, space, topic, manager);
      return this.writer.write(manager, actor, {
        topicId,
        scopeKey: space.scopeKey,
        source: input.body,
        anonymous,
        replyToPostNumber: input.replyToPostNumber ?? null,
        status,
      });
    });
    this.events.publish({ type: 'post.created', spaceId: space.id, topicId, postId });
    await this.personal.deleteDraft(actor.userId, 'topic', topicId);
    return this.get(actor, postId);
  }

  async get(actor: Actor, postId: string) {
    const { post, space } = await this.readablePost(actor, postId);
    return presentPost(post, viewerOf(actor, space));
  }

  /** Posts of a topic in order, after a post number (jump to first unread = after the last read one). */
  async page(actor: Actor, topicId: string, afterPostNumber = 0, limit = 20) {
    const { space, posts: rows } = await this.access.readableTopicWithPosts(actor, topicId, afterPostNumber, limit + 1);
    const viewer = viewerOf(actor, space);
    const hasMore = rows.length > limit;
    const visible = rows.slice(0, limit);
    return {
      items: visible.filter((post) => postIsListed(post, viewer)).map((post) => presentPost(post, viewer)),
      nextAfter: hasMore ? visible[visible.length - 1].postNumber : null,
    };
  }

  /** The author edits; every earlier text is kept as a revision for the author and the space's moderators. */
  async edit(actor: Actor, postId: string, body: string) {
    const { post, topic, space } = await this.readablePost(actor, postId);
    if (post.authorId !== actor.userId) throw forbidden('Only the author edits a post');
    // A paused or closed topic is frozen for edits too, or a "closed" thread could still change under readers.
    if (!ForumPolicy.canModerate(actor, space) && (topic.state === 'closed' || topic.state === 'paused')) {
      throw new DomainError(
        topic.state === 'closed' ? ErrorCode.TopicClosed : ErrorCode.TopicPaused,
        403,
        'This topic does not take edits now',
      );
    }
    if (post.status === 'deleted' || post.status === 'hidden') throw forbidden('This post can no longer be edited');
    this.rules.assertSourceSize(body);
    if (body === post.source) return presentPost(post, viewerOf(actor, space));
    const rendered = await this.mentions.render(post.topicId, body, space.scopeKey);
    await this.dataSource.transaction(async (manager) => {
      await this.posts.addRevision(postId, post.source, actor.userId, manager);
      await this.posts.updateSource(postId, body, rendered.html, RENDERER_VERSION, this.clock.now(), manager);
    });
    this.changed(space, post);
    return this.get(actor, postId);
  }

  async revisions(actor: Actor, postId: string) {
    const { post, space } = await this.readablePost(actor, postId);
    if (post.authorId !== actor.userId && !ForumPolicy.canModerate(actor, space)) throw notFound();
    const revisions = await this.posts.revisions(postId);
    // Only the author edits, so "who" is the author as the topic shows them: a pseudonym stays a pseudonym.
    const editedBy = presentAuthor({ id: post.authorId, displayName: post.authorName }, post);
    return {
      items: revisions.map((r, i) => ({
        revision: r.revision,
        source: r.source,
        createdAt: new Date(r.createdAt).toISOString(),
        editedBy,
        /** What the edit made at `createdAt` changed: this text against the one that replaced it. */
        diff: diffLines(r.source, revisions[i + 1]?.source ?? post.source),
      })),
      current: post.source,
    };
  }

  /** Soft delete by the author: the post keeps its place in the thread, its text goes. */
  async remove(actor: Actor, postId: string): Promise<void> {
    const { post, space } = await this.readablePost(actor, postId);
    if (post.authorId !== actor.userId) throw forbidden('Only the author deletes a post; facilitators hide posts');
    if (post.postNumber === 1)
      throw badRequest(ErrorCode.ValidationFailed, 'The first post of a topic cannot be deleted; ask a facilitator');
    await this.posts.setStatus(postId, 'deleted', null, actor.userId);
    this.changed(space, post);
  }

  async hide(actor: Actor, postId: string, reason: string) {
    const { post, space } = await this.readablePost(actor, postId);
    if (!ForumPolicy.canModerate(actor, space)) throw forbidden('Only this space’s facilitators hide posts');
    // A deleted post is already gone; hiding it would let a restore publish what its author took back.
    if (post.status === 'deleted') throw conflict(ErrorCode.Conflict, 'The author deleted this post');
    await this.audited.run(
      (manager) => this.posts.setStatus(postId, 'hidden', reason.trim(), actor.userId, manager),
      () => ({ actorId: actor.userId, action: 'post.hide', targetType: 'post', targetId: postId, reason: reason.trim() }),
    );
    this.changed(space, post);
    return this.get(actor, postId);
  }

  /** Restores a hidden post, or approves one awaiting approval. */
  async restore(actor: Actor, postId: string) {
    const { post, space } = await this.readablePost(actor, postId);
    if (!ForumPolicy.canModerate(actor, space)) throw forbidden('Only this space’s facilitators restore posts');
    if (post.status !== 'hidden' && post.status !== 'pending')
      throw conflict(ErrorCode.Conflict, 'The post is not hidden or pending');
    await this.audited.run(
      async (manager) => {
        await this.posts.setStatus(postId, 'visible', null, null, manager);
        if (post.status === 'pending') await this.topics.recordApproval(post.topicId, post.postNumber, this.clock.now(), manager);
      },
      () => ({
        actorId: actor.userId,
        action: post.status === 'pending' ? 'post.approve' : 'post.restore',
        targetType: 'post',
        targetId: postId,
      }),
    );
    this.events.publish({
      type: post.status === 'pending' ? 'post.created' : 'post.updated',
      spaceId: space.id,
      topicId: post.topicId,
      postId,
    });
    return this.get(actor, postId);
  }

  async react(actor: Actor, postId: string, kind: ReactionKind) {
    const { post, space } = await this.readablePost(actor, postId);
    if (post.status !== 'visible') throw forbidden('Only visible posts take reactions');
    if (!(await this.posts.react(postId, actor.userId, kind))) {
      throw conflict(ErrorCode.AlreadyReacted, 'You already gave this reaction');
    }
    this.changed(space, post);
    return presentPost((await this.posts.findById(postId, actor.userId))!, viewerOf(actor, space));
  }

  async unreact(actor: Actor, postId: string, kind: ReactionKind): Promise<void> {
    const { post, space } = await this.readablePost(actor, postId);
    if (!(await this.posts.unreact(postId, actor.userId, kind))) throw notFound('You have not given this reaction');
    this.changed(space, post);
  }

  /** Who reacted how; on an anonymous post only counts, so reactions cannot become a side channel. */
  async reactions(actor: Actor, postId: string) {
    const { post } = await this.readablePost(actor, postId);
    const counts = post.reactionCounts ?? {};
    if (post.anonymous) return { counts, reactors: null };
    const reactors = await this.posts.reactors(postId);
    return { counts, reactors: reactors.map((r) => ({ kind: r.kind, user: { id: r.userId, displayName: r.displayName } })) };
  }

  /** A facilitator of the space learns who wrote an anonymous post, with a reason kept in the audit log. */
  async reveal(actor: Actor, postId: string, reason: string) {
    const { post, space } = await this.readablePost(actor, postId);
    if (!ForumPolicy.canSeeAnonymousAuthors(actor, space)) throw forbidden('Only this space’s facilitators can reveal an author');
    if (!post.anonymous) throw badRequest(ErrorCode.ValidationFailed, 'This post is not anonymous');
    await this.audited.run(
      async () => undefined,
      () => ({ actorId: actor.userId, action: 'post.reveal', targetType: 'post', targetId: postId, reason: reason.trim() }),
    );
    return { author: presentRevealedAuthor({ id: post.authorId, displayName: post.authorName }, post.pseudonymNumber) };
  }
}
