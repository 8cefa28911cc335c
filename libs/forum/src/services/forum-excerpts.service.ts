import { Injectable } from '@nestjs/common';
import type { Actor, ScopeKey } from '@app/identity';
import { presentAuthor, type AuthorView } from '../presenters';
import { PostRepository } from '../repositories';
import { SpaceAccess } from './space-access.service';

export interface TopicExcerpt {
  topic: { id: string; title: string; spaceId: string; scopeKey: ScopeKey; tags: string[]; phase: number | null };
  /** Only posts the reader sees in full; authors exactly as the topic shows them (pseudonyms stay pseudonyms). */
  posts: { postNumber: number; author: AuthorView; source: string }[];
}

/** What other parts of the platform (the knowledge base) may take from the forum, read as the person asking. */
@Injectable()
export class ForumExcerpts {
  constructor(
    private readonly access: SpaceAccess,
    private readonly posts: PostRepository,
  ) {}

  async topicPosts(actor: Actor, topicId: string, postNumbers: readonly number[]): Promise<TopicExcerpt> {
    const { topic, space } = await this.access.readableTopic(actor, topicId);
    const rows = await this.posts.byNumbers(topicId, postNumbers, actor.userId);
    return {
      topic: { id: topic.id, title: topic.title, spaceId: space.id, scopeKey: space.scopeKey, tags: topic.tags, phase: topic.phase },
      posts: rows
        .filter((post) => post.status === 'visible')
        .map((post) => ({
          postNumber: post.postNumber,
          author: presentAuthor({ id: post.authorId, displayName: post.authorName }, post),
          source: post.source,
        })),
    };
  }

  /** A space the person may read, or 404. */
  assertSpaceReadable(actor: Actor, spaceId: string): Promise<void> {
    return this.access.assertSpaceReadable(actor, spaceId);
  }
}
