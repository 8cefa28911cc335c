import { Injectable } from '@nestjs/common';
import { badRequest, Clock, conflict, ErrorCode, forbidden, notFound } from '@app/core';
import { AuditedWrite, type Actor, type ScopeKey } from '@app/identity';
import { ForumPolicy } from '../policy';
import { presentFlaggedPosts, presentOwnFlag, presentReviewPost } from '../presenters/flag.presenter';
import { FlagRepository, type FlagKind, type FlagReviewFacts, type Reviewer } from '../repositories/flag.repository';
import { PostService } from './post.service';
import { SpaceAccess } from './space-access.service';

export { FLAG_KINDS, type FlagKind } from '../repositories/flag.repository';

export type FlagResolution = 'dismiss' | 'hide' | 'restore';

const reviewerOf = (actor: Actor): Reviewer => ({
  userId: actor.userId,
  isAdmin: actor.platformRole === 'admin',
  leadOfSchoolId: actor.schoolLead ? actor.institutionId : null,
});

/**
 * Flags and the review queue. A flag exists for its reporter (who sees its status) and for the reviewers of
 * the post's space (who see the reporter); for everyone else, the reported author included, it does not exist.
 */
@Injectable()
export class FlagService {
  constructor(
    private readonly flags: FlagRepository,
    private readonly posts: PostService,
    private readonly access: SpaceAccess,
    private readonly audited: AuditedWrite,
    private readonly clock: Clock,
  ) {}

  async flag(actor: Actor, postId: string, input: { kind: FlagKind; note?: string }) {
    // PostService.get is the readability rule for posts: anything the actor cannot see is a 404 here too.
    const post = await this.posts.get(actor, postId);
    if (post.mine) throw badRequest(ErrorCode.ValidationFailed, 'You cannot flag your own post');
    const note = input.note?.trim() || null;
    const created = await this.flags.insert({
      postId,
      reporterId: actor.userId,
      kind: input.kind,
      note,
      createdAt: this.clock.now(),
    });
    if (!created) throw conflict(ErrorCode.AlreadyFlagged, 'You already flagged this post; it is awaiting review');
    return { id: created.id, kind: created.kind, status: created.status, createdAt: new Date(created.createdAt).toISOString() };
  }

  async mine(actor: Actor) {
    return { items: (await this.flags.mine(actor.userId)).map(presentOwnFlag) };
  }

  /** People who review nothing get 403; a space they cannot read is 404, one they do not review 403. */
  async queue(actor: Actor, spaceId?: string) {
    const reviewer = reviewerOf(actor);
    if (spaceId) {
      const space = await this.access.readableSpace(actor, spaceId);
      const leadsIt = reviewer.leadOfSchoolId !== null && (await this.flags.schoolOfSpace(space.id)) === reviewer.leadOfSchoolId;
      if (!ForumPolicy.canModerate(actor, space) && !leadsIt) throw forbidden('You do not review this space');
    } else if (!reviewer.isAdmin && reviewer.leadOfSchoolId === null && !(await this.flags.facilitatesAnySpace(actor.userId))) {
      throw forbidden('Only facilitators, school leads and admins have a review queue');
    }
    // A facilitator assigned to a space outside what they may read still sees nothing of it.
    const readable = <T extends { scopeKey: ScopeKey }>(rows: T[]) => rows.filter((row) => ForumPolicy.canRead(actor, row));
    const [flags, pending] = await Promise.all([
      this.flags.openFlags(reviewer, spaceId ?? null),
      this.flags.pendingPosts(reviewer, spaceId ?? null),
    ]);
    return { flagged: presentFlaggedPosts(readable(flags)), pending: readable(pending).map(presentReviewPost) };
  }

  /**
   * dismiss: this flag becomes "reviewed". hide/restore go through PostService (its own audit and live event)
   * and then mark every open flag on the post "action_taken". Each resolution is audited.
   */
  async resolve(actor: Actor, flagId: string, input: { action: FlagResolution; reason?: string }) {
    const flag = await this.reviewableFlag(actor, flagId);
    if (flag.status !== 'received') throw conflict(ErrorCode.Conflict, 'This flag was already resolved');
    const reason = input.reason?.trim() || null;
    if (input.action === 'hide') {
      if (!reason)
        throw badRequest(ErrorCode.ValidationFailed, 'Hiding a post needs a reason', [
          { field: 'reason', message: 'required to hide' },
        ]);
      await this.posts.hide(actor, flag.postId, reason);
    } else if (input.action === 'restore') {
      await this.posts.restore(actor, flag.postId);
    }
    const status = input.action === 'dismiss' ? 'reviewed' : 'action_taken';
    const resolved = await this.audited.run(
      (manager) =>
        this.flags.resolve(
          input.action === 'dismiss' ? { flagId } : { postId: flag.postId },
          status,
          actor.userId,
          this.clock.now(),
          manager,
        ),
      (flagIds) => ({
        actorId: actor.userId,
        action: 'flag.resolve',
        targetType: 'post_flag',
        targetId: flagId,
        reason,
        data: { action: input.action, postId: flag.postId, kind: flag.kind, status, flagIds },
      }),
    );
    return { id: flagId, action: input.action, status, resolvedFlagIds: resolved };
  }

  /** Flags the actor does not review do not exist for them (404), whatever their role in the space. */
  private async reviewableFlag(actor: Actor, flagId: string): Promise<FlagReviewFacts> {
    const reviewer = reviewerOf(actor);
    const flag = await this.flags.reviewFacts(flagId, reviewer);
    if (!flag || flag.authorId === actor.userId || !ForumPolicy.canRead(actor, { scopeKey: flag.scopeKey })) throw notFound();
    const leadsIt = flag.kind === 'harm' && reviewer.leadOfSchoolId !== null && flag.schoolId === reviewer.leadOfSchoolId;
    if (!flag.moderates && !leadsIt) throw notFound();
    return flag;
  }
}
