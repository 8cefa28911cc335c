import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_CHANNELS, type DeliveryChannel, type DigestFrequency, type NotificationKind } from '../notification-kinds';

export interface NotificationSettings {
  digestFrequency: DigestFrequency;
  digestHour: number;
  timeZone: string;
  quietUntil: Date | null;
}

export const DEFAULT_SETTINGS: NotificationSettings = { digestFrequency: 'weekly', digestHour: 7, timeZone: 'UTC', quietUntil: null };

/** Per-person choices; a person who never chose has no rows and gets the defaults. */
@Injectable()
export class PreferenceRepository {
  constructor(private readonly dataSource: DataSource) {}

  async channels(userId: string): Promise<Record<NotificationKind, DeliveryChannel>> {
    const rows: { kind: NotificationKind; channel: DeliveryChannel }[] = await this.dataSource.query(
      'SELECT kind, channel FROM notification_preference WHERE user_id = $1',
      [userId],
    );
    return { ...DEFAULT_CHANNELS, ...Object.fromEntries(rows.map((r) => [r.kind, r.channel])) };
  }

  /** One kind's channel for many people at once (fan-out to watchers), with quiet mode folded in. */
  async channelsFor(userIds: readonly string[], kind: NotificationKind, now: Date): Promise<Map<string, { channel: DeliveryChannel; quiet: boolean }>> {
    const rows: { userId: string; channel: DeliveryChannel | null; quiet: boolean }[] = await this.dataSource.query(
      `SELECT u.id AS "userId", p.channel, coalesce(s.quiet_until > $3, false) AS quiet
         FROM unnest($1::uuid[]) AS u(id)
         LEFT JOIN notification_preference p ON p.user_id = u.id AND p.kind = $2
         LEFT JOIN notification_setting s ON s.user_id = u.id`,
      [userIds, kind, now],
    );
    return new Map(rows.map((r) => [r.userId, { channel: r.channel ?? DEFAULT_CHANNELS[kind], quiet: r.quiet }]));
  }

  async settings(userId: string, manager: EntityManager = this.dataSource.manager): Promise<NotificationSettings> {
    const [row] = await manager.query(
      `SELECT digest_frequency AS "digestFrequency", digest_hour AS "digestHour", time_zone AS "timeZone", quiet_until AS "quietUntil"
         FROM notification_setting WHERE user_id = $1`,
      [userId],
    );
    return row ?? { ...DEFAULT_SETTINGS };
  }

  async saveChannels(userId: string, channels: Partial<Record<NotificationKind, DeliveryChannel>>, manager: EntityManager): Promise<void> {
    const entries = Object.entries(channels);
    if (entries.length === 0) return;
    await manager.query(
      `INSERT INTO notification_preference (user_id, kind, channel)
       SELECT $1, k, c FROM unnest($2::text[], $3::text[]) AS t(k, c)
       ON CONFLICT (user_id, kind) DO UPDATE SET channel = EXCLUDED.channel, updated_at = now()`,
      [userId, entries.map(([k]) => k), entries.map(([, c]) => c)],
    );
  }

  async saveSettings(userId: string, settings: NotificationSettings, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO notification_setting (user_id, digest_frequency, digest_hour, time_zone, quiet_until)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id) DO UPDATE SET digest_frequency = EXCLUDED.digest_frequency, digest_hour = EXCLUDED.digest_hour,
         time_zone = EXCLUDED.time_zone, quiet_until = EXCLUDED.quiet_until, updated_at = now()`,
      [userId, settings.digestFrequency, settings.digestHour, settings.timeZone, settings.quietUntil],
    );
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
