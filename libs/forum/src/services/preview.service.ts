import { Injectable } from '@nestjs/common';
import type { Actor } from '@app/identity';
import { MentionRenderer } from './mention-renderer.service';
import { PostingRules } from './posting-rules.service';
import { SpaceAccess } from './space-access.service';

/** Quote links in a new topic's preview point nowhere yet; this stands in for the topic id. */
const UNSAVED_TOPIC = 'preview';

/**
 * Renders a draft exactly as posting would (same renderer, same mention rule), without writing anything,
 * so the composer's preview is what readers will see. Only where the caller may read.
 */
@Injectable()
export class PreviewService {
  constructor(
    private readonly access: SpaceAccess,
    private readonly mentions: MentionRenderer,
    private readonly rules: PostingRules,
  ) {}

  async forSpace(actor: Actor, spaceId: string, source: string): Promise<{ html: string }> {
    const space = await this.access.readableSpace(actor, spaceId);
    if (!source.trim()) return { html: '' };
    this.rules.assertSourceSize(source);
    const rendered = await this.mentions.render(UNSAVED_TOPIC, source, space.scopeKey);
    return { html: rendered.html };
  }

  async forTopic(actor: Actor, topicId: string, source: string): Promise<{ html: string }> {
    const { topic, space } = await this.access.readableTopic(actor, topicId);
    if (!source.trim()) return { html: '' };
    this.rules.assertSourceSize(source);
    const rendered = await this.mentions.render(topic.id, source, space.scopeKey);
    return { html: rendered.html };
  }
}
