import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ForumNoticeRepository, postPath, pseudonymLabel, renderPost, type PostFacts } from '@app/forum';
import { JobName, JobRegistry } from '@app/jobs';
import { Notifier, type NoticeBatch, type NoticeContent } from './notifier.service';

const threadOf = (topicId: string) => `topic:${topicId}`;

/** Forum events → notifications: mentions, replies, quotes, watched topics and spaces, reactions, answers. */
@Injectable()
export class ForumNotices implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly forum: ForumNoticeRepository,
    private readonly notifier: Notifier,
  ) {}

  onModuleInit(): void {
    this.registry.handle(JobName.NotifyPost, ({ postId }) => this.post(postId));
    this.registry.handle(JobName.NotifyReaction, ({ postId, userId }) => this.reaction(postId, userId));
    this.registry.handle(JobName.NotifyAnswer, ({ topicId, actorId }) => this.answer(topicId, actorId));
  }

  /** The name peers see: the pseudonym for anonymous posts, and then no actor id is stored at all. */
  private actorOf(post: PostFacts): { actorId: string | null; actorName: string } {
    return post.anonymous
      ? { actorId: null, actorName: pseudonymLabel(post.pseudonymNumber ?? 0) }
      : { actorId: post.authorId, actorName: post.authorName };
  }

  async post(postId: string): Promise<void> {
    const post = await this.forum.visiblePost(postId);
    if (!post) return;
    const mentionedHandles = new Set<string>();
    const rendered = renderPost(post.topicId, post.source, (handle) => {
      mentionedHandles.add(handle);
      return false;
    });
    const [mentioned, quoted, replyTarget, watchers] = await Promise.all([
      this.forum.idsByHandles([...mentionedHandles]),
      this.forum.authorsOf(post.topicId, [...new Set(rendered.quotes.map((q) => q.postNumber))]),
      post.postNumber === 1
        ? Promise.resolve([])
        : post.replyToPostNumber !== null
          ? this.forum.authorsOf(post.topicId, [post.replyToPostNumber])
          : Promise.resolve([post.topicAuthorId]),
      this.forum.watchers(post.topicId, post.postNumber === 1 ? post.spaceId : null),
    ]);
    const base = {
      ...this.actorOf(post),
      threadKey: threadOf(post.topicId),
      subject: post.topicTitle,
      url: postPath(post.topicId, post.postNumber),
      scopeKey: post.scopeKey,
      topicId: post.topicId,
      postNumber: post.postNumber,
    };
    const personal = (kind: string): NoticeContent => ({ ...base, groupKey: `${kind}:${post.postId}` });
    const batches: NoticeBatch[] = [
      { kind: 'mentioned', userIds: mentioned, content: personal('mentioned') },
      { kind: 'replied', userIds: replyTarget, content: { ...base, groupKey: `replied:${post.topicId}` } },
      { kind: 'quoted', userIds: quoted, content: personal('quoted') },
      {
        kind: 'watching',
        userIds: watchers,
        content: { ...base, groupKey: `watching:${post.topicId}`, detail: post.postNumber === 1 ? 'new_topic' : null },
      },
    ];
    await this.notifier.deliver(`post:${post.postId}`, batches, { excludeUserId: post.authorId });
  }

  async reaction(postId: string, reactorId: string): Promise<void> {
    const [post, reactorName] = await Promise.all([this.forum.visiblePost(postId), this.forum.displayName(reactorId)]);
    if (!post || !reactorName) return;
    await this.notifier.deliver(
      `reaction:${postId}:${reactorId}`,
      [
        {
          kind: 'reacted',
          userIds: [post.authorId],
          content: {
            groupKey: `reacted:${postId}`,
            threadKey: threadOf(post.topicId),
            actorId: reactorId,
            actorName: reactorName,
            subject: post.topicTitle,
            url: postPath(post.topicId, post.postNumber),
            scopeKey: post.scopeKey,
            topicId: post.topicId,
            postNumber: post.postNumber,
          },
        },
      ],
      { excludeUserId: reactorId },
    );
  }

  async answer(topicId: string, actorId: string): Promise<void> {
    const answer = await this.forum.answer(topicId);
    if (!answer) return;
    await this.notifier.deliver(
      `answer:${topicId}:${answer.postNumber}`,
      [
        {
          kind: 'answer_marked',
          userIds: [answer.topicAuthorId, answer.answerAuthorId],
          content: {
            groupKey: `answer:${topicId}`,
            threadKey: threadOf(topicId),
            actorId: null,
            actorName: null,
            subject: answer.topicTitle,
            url: postPath(topicId, answer.postNumber),
            scopeKey: answer.scopeKey,
            topicId,
            postNumber: answer.postNumber,
          },
        },
      ],
      { excludeUserId: actorId },
    );
  }
}
