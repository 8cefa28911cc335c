import type { ReactionKind } from '../../lib/forum-types';

/**
 * What only this reader knows about a room's messages: which ones they wrote, their text as typed, and the
 * reactions they gave. History tells the reader which messages are theirs, their Markdown and their reactions, but
 * room events carry the public view only (in an anonymous room not even the author's id), so what happens in this
 * tab is kept here; the ids of one's own messages for the tab's lifetime in sessionStorage: closing the tab forgets
 * them, and nothing on the device outlives it.
 */
export class OwnMessages {
  private readonly ids: Set<string>;
  private readonly sources = new Map<string, string>();
  private readonly reactions = new Map<string, Set<ReactionKind>>();

  constructor(private readonly roomId: string) {
    this.ids = new Set(this.read());
  }

  private key() {
    return `artc-chat-own:${this.roomId}`;
  }

  private read(): string[] {
    try {
      const stored: unknown = JSON.parse(sessionStorage.getItem(this.key()) ?? '[]');
      return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
    } catch {
      return [];
    }
  }

  add(messageId: string, source?: string): void {
    this.ids.add(messageId);
    if (source !== undefined) this.sources.set(messageId, source);
    try {
      sessionStorage.setItem(this.key(), JSON.stringify([...this.ids].slice(-500)));
    } catch {
      // Storage full or blocked: the messages stay known as one's own until the page reloads.
    }
  }

  has(messageId: string): boolean {
    return this.ids.has(messageId);
  }

  source(messageId: string): string | undefined {
    return this.sources.get(messageId);
  }

  /** Whether this tab changed its reactions to the message (then it knows them better than older history). */
  knowsReactions(messageId: string): boolean {
    return this.reactions.has(messageId);
  }

  reacted(messageId: string, kind: ReactionKind): boolean {
    return this.reactions.get(messageId)?.has(kind) ?? false;
  }

  setReacted(messageId: string, kind: ReactionKind, on: boolean): void {
    const kinds = this.reactions.get(messageId) ?? new Set<ReactionKind>();
    if (on) kinds.add(kind);
    else kinds.delete(kind);
    this.reactions.set(messageId, kinds);
  }
}
