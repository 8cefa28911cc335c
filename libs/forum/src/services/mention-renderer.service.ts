import { Injectable } from '@nestjs/common';
import { badRequest, ErrorCode } from '@app/core';
import { AccessPolicy, ActorRepository, type ScopeKey } from '@app/identity';
import type { RenderedMarkdown } from '@app/markdown';
import { renderPost } from './render-post';

/**
 * Renders a post so that @handles become mentions only of people who may read where it is posted.
 * Naming someone who exists but cannot see the space is refused (the author would otherwise believe
 * they had been told); unknown handles stay plain text.
 */
@Injectable()
export class MentionRenderer {
  constructor(private readonly actors: ActorRepository) {}

  async render(topicId: string, source: string, scopeKey: ScopeKey): Promise<RenderedMarkdown> {
    const candidates = new Set<string>();
    const draft = renderPost(topicId, source, (handle) => {
      candidates.add(handle);
      return false;
    });
    if (candidates.size === 0) return draft;
    const people = await this.actors.byHandles([...candidates]);
    const outside = people.find((person) => !AccessPolicy.canRead(person.actor, scopeKey));
    if (outside) {
      throw badRequest(ErrorCode.MentionOutOfScope, `@${outside.handle} cannot see this space, so they cannot be mentioned here`);
    }
    return renderPost(topicId, source, new Set(people.map((person) => person.handle)));
  }
}
