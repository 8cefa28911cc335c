import { Injectable } from '@nestjs/common';
import { badRequest, Clock, DomainError, ErrorCode, isUuid } from '@app/core';
import { UserRepository, type Actor } from '@app/identity';
import { UnsubscribeTokens } from '../mail/unsubscribe-tokens';
import { DIGEST_TOPIC, KIND_LABELS, NOTIFICATION_KINDS, type NotificationKind } from '../notification-kinds';
import { PreferenceRepository } from '../repositories/preference.repository';

export type UnsubscribeTopic = NotificationKind | typeof DIGEST_TOPIC;

export interface UnsubscribeDescription {
  topic: UnsubscribeTopic;
  label: string;
  /** Masked (a***@example.org): the link may have been forwarded, so it shows whose it is without giving the address away. */
  email: string;
}

const DIGEST_LABEL = 'Email digest';

const invalid = () => badRequest(ErrorCode.InvalidToken, 'This link is not valid');

const isKind = (topic: string): topic is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(topic);

export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/**
 * The footer link and RFC 8058 one-click: a signed token, no sign-in, turns one kind of email off. Only ever says
 * less: a kind by email becomes in-app (a kind already off stays off), the digest becomes 'never'.
 */
@Injectable()
export class UnsubscribeService {
  constructor(
    private readonly tokens: UnsubscribeTokens,
    private readonly users: UserRepository,
    private readonly preferences: PreferenceRepository,
    private readonly clock: Clock,
  ) {}

  /** What the link would turn off, changing nothing (the landing page shows it before the person confirms). */
  async describe(token: string, actor: Actor | null): Promise<UnsubscribeDescription> {
    const { topic, email } = await this.resolve(token, actor);
    return { topic, label: labelOf(topic), email: maskEmail(email) };
  }

  /** Idempotent: a second click (or the provider's retry) answers the same. */
  async confirm(token: string, actor: Actor | null): Promise<{ topic: UnsubscribeTopic; label: string; done: true }> {
    const { topic, userId } = await this.resolve(token, actor);
    await this.preferences.transaction(async (manager) => {
      if (topic === DIGEST_TOPIC) {
        const settings = await this.preferences.settings(userId, manager);
        if (settings.digestFrequency !== 'never') {
          await this.preferences.saveSettings(userId, { ...settings, digestFrequency: 'never' }, manager);
        }
        return;
      }
      const channel = (await this.preferences.channels(userId))[topic];
      if (channel === 'email_immediate' || channel === 'email_digest') {
        await this.preferences.saveChannels(userId, { [topic]: 'in_app' }, manager);
      }
    });
    return { topic, label: labelOf(topic), done: true };
  }

  private async resolve(token: string, actor: Actor | null): Promise<{ topic: UnsubscribeTopic; userId: string; email: string }> {
    const { userId, topic } = await this.tokens.verify(token, this.clock.now());
    // A well-signed token for a topic that no longer exists, or a person deleted since, is as useless as a forged one.
    if (topic !== DIGEST_TOPIC && !isKind(topic)) throw invalid();
    const person = isUuid(userId) ? await this.users.findById(userId) : null;
    if (!person) throw invalid();
    // Someone else's session on this browser: acting would change the settings of a person other than the one shown.
    if (actor && actor.userId !== userId) {
      throw new DomainError(ErrorCode.TokenNotYours, 403, 'This link is for another person; sign out to use it');
    }
    return { topic, userId, email: person.email };
  }
}

function labelOf(topic: UnsubscribeTopic): string {
  return topic === DIGEST_TOPIC ? DIGEST_LABEL : KIND_LABELS[topic];
}
