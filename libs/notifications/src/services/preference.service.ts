import { Injectable } from '@nestjs/common';
import { badRequest, Clock, ErrorCode, type ErrorDetail } from '@app/core';
import type { Actor } from '@app/identity';
import {
  DELIVERY_CHANNELS,
  DIGEST_FREQUENCIES,
  KIND_LABELS,
  NOTIFICATION_KINDS,
  type DeliveryChannel,
  type DigestFrequency,
  type NotificationKind,
} from '../notification-kinds';
import { PreferenceRepository } from '../repositories/preference.repository';

export interface PreferencesView {
  kinds: { kind: NotificationKind; label: string; channel: DeliveryChannel }[];
  digest: { frequency: DigestFrequency; hour: number };
  timeZone: string;
  quietUntil: string | null;
}

export interface PreferencesInput {
  kinds?: Record<string, unknown>;
  digest?: { frequency?: DigestFrequency; hour?: number };
  timeZone?: string;
  quietUntil?: string | null;
}

const MAX_QUIET_DAYS = 366;

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** What a person hears about and how; everything is checked before anything is saved. */
@Injectable()
export class NotificationPreferenceService {
  constructor(
    private readonly preferences: PreferenceRepository,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor): Promise<PreferencesView> {
    const [channels, settings] = await Promise.all([this.preferences.channels(actor.userId), this.preferences.settings(actor.userId)]);
    return {
      kinds: NOTIFICATION_KINDS.map((kind) => ({ kind, label: KIND_LABELS[kind], channel: channels[kind] })),
      digest: { frequency: settings.digestFrequency, hour: settings.digestHour },
      timeZone: settings.timeZone,
      quietUntil: settings.quietUntil && settings.quietUntil > this.clock.now() ? settings.quietUntil.toISOString() : null,
    };
  }

  async update(actor: Actor, input: PreferencesInput): Promise<PreferencesView> {
    const details: ErrorDetail[] = [];
    const channels: Partial<Record<NotificationKind, DeliveryChannel>> = {};
    for (const [kind, channel] of Object.entries(input.kinds ?? {})) {
      if (!(NOTIFICATION_KINDS as readonly string[]).includes(kind)) details.push({ field: `kinds.${kind}`, message: 'is not a notification kind' });
      else if (!(DELIVERY_CHANNELS as readonly unknown[]).includes(channel))
        details.push({ field: `kinds.${kind}`, message: `must be one of ${DELIVERY_CHANNELS.join(', ')}` });
      else channels[kind as NotificationKind] = channel as DeliveryChannel;
    }
    if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) details.push({ field: 'timeZone', message: 'is not a time zone' });
    if (input.digest?.frequency !== undefined && !DIGEST_FREQUENCIES.includes(input.digest.frequency))
      details.push({ field: 'digest.frequency', message: `must be one of ${DIGEST_FREQUENCIES.join(', ')}` });
    const now = this.clock.now();
    const quietUntil = input.quietUntil ? new Date(input.quietUntil) : null;
    if (quietUntil && quietUntil.getTime() > now.getTime() + MAX_QUIET_DAYS * 86_400_000)
      details.push({ field: 'quietUntil', message: `must be within ${MAX_QUIET_DAYS} days` });
    if (details.length) throw badRequest(ErrorCode.ValidationFailed, 'Some preferences are not valid; nothing was changed', details);

    await this.preferences.transaction(async (manager) => {
      const current = await this.preferences.settings(actor.userId, manager);
      await this.preferences.saveChannels(actor.userId, channels, manager);
      await this.preferences.saveSettings(
        actor.userId,
        {
          digestFrequency: input.digest?.frequency ?? current.digestFrequency,
          digestHour: input.digest?.hour ?? current.digestHour,
          timeZone: input.timeZone ?? current.timeZone,
          quietUntil: input.quietUntil === undefined ? current.quietUntil : quietUntil,
        },
        manager,
      );
    });
    return this.get(actor);
  }
}
