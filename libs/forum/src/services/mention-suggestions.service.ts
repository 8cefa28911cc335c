import { Injectable } from '@nestjs/common';
import { AccessPolicy, ActorRepository, UserRepository, type Actor } from '@app/identity';
import { SpaceAccess } from './space-access.service';

const CANDIDATES = 50;
const SUGGESTIONS = 10;

/**
 * Who can be mentioned in a space: people who may read it, matched by handle or name. Nothing about who
 * posted in a topic (anonymously or not) shapes the list, so suggestions cannot hint at an author.
 */
@Injectable()
export class MentionSuggestions {
  constructor(
    private readonly access: SpaceAccess,
    private readonly users: UserRepository,
    private readonly actors: ActorRepository,
  ) {}

  async suggest(actor: Actor, spaceId: string, text: string) {
    const space = await this.access.readableSpace(actor, spaceId);
    const prefix = text.trim().replace(/^@/, '');
    if (!prefix) return { items: [] };
    const candidates = await this.users.handlesStartingWith(prefix, CANDIDATES);
    const readers = new Set(
      (await this.actors.byHandles(candidates.map((c) => c.handle)))
        .filter((person) => AccessPolicy.canRead(person.actor, space.scopeKey))
        .map((person) => person.handle),
    );
    return { items: candidates.filter((c) => readers.has(c.handle)).slice(0, SUGGESTIONS) };
  }
}
