import type { ParsedMail } from 'mailparser';
import { DigestJobs } from '@app/notifications';
import type { SmtpSink } from '../../support/smtp-sink';
import type { TestApp } from '../../support/test-app';
import { settled } from './notification-support';

export interface DigestSettings {
  frequency: 'daily' | 'weekly' | 'never';
  hour?: number;
  timeZone?: string;
  quietUntil?: Date | null;
}

/** A person's digest settings, written straight into the table (the preferences API has its own tests). */
export async function setDigest(t: TestApp, userId: string, s: DigestSettings): Promise<void> {
  await t.db.query(
    `INSERT INTO notification_setting (user_id, digest_frequency, digest_hour, time_zone, quiet_until) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (user_id) DO UPDATE SET digest_frequency = $2, digest_hour = $3, time_zone = $4, quiet_until = $5`,
    [userId, s.frequency, s.hour ?? 7, s.timeZone ?? 'UTC', s.quietUntil ?? null],
  );
}

/** Everyone so far stops getting digests, so each test's tick concerns only the people it made. */
export async function silenceEveryone(t: TestApp): Promise<void> {
  await t.db.query(
    `INSERT INTO notification_setting (user_id, digest_frequency) SELECT id, 'never' FROM app_user
     ON CONFLICT (user_id) DO UPDATE SET digest_frequency = 'never'`,
  );
}

/** Sets the app's clock to an absolute moment (the test clock only moves by offsets). */
export function setClock(t: TestApp, at: Date): void {
  t.clock.reset();
  t.clock.advance(at.getTime() - Date.now());
}

/** Runs the digest tick as the repeatable job would, then waits for every build and mail it caused. */
export async function tick(t: TestApp): Promise<number> {
  const enqueued = await t.app.get(DigestJobs).tick();
  await settled(t);
  return enqueued;
}

export const deliveries = (t: TestApp, userId: string) =>
  t.db.query(
    `SELECT period_key AS "periodKey", item_count AS "itemCount", mail_id AS "mailId" FROM digest_delivery
      WHERE user_id = $1 ORDER BY created_at, period_key`,
    [userId],
  ) as Promise<{ periodKey: string; itemCount: number; mailId: string | null }[]>;

export const periodKeysOf = async (t: TestApp, userId: string) => (await deliveries(t, userId)).map((d) => d.periodKey);

const recipients = (m: ParsedMail) => [m.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address));
/** Digest mails carry Message-IDs `<digest.<id>@host>` (see MailOutbox). */
const isDigest = (m: ParsedMail) => (m.messageId ?? '').startsWith('<digest.');

export const digestsTo = (sink: SmtpSink, email: string) =>
  sink.messages.filter((m) => isDigest(m) && recipients(m).includes(email));

export const waitForDigest = (sink: SmtpSink, email: string) => sink.waitFor((m) => isDigest(m) && recipients(m).includes(email));

/** Everything in the message a person or a mail client could see: subject, both parts and every header line. */
export const rawOf = (m: ParsedMail) =>
  [m.subject ?? '', m.text ?? '', m.html || '', ...m.headerLines.map((h) => h.line)].join('\n');

/** A header's value with folding undone (mailparser folds List-* headers under 'list', so read the raw lines). */
export const headerOf = (m: ParsedMail, key: string) =>
  m.headerLines
    .find((h) => h.key === key)
    ?.line.replace(/\r?\n[ \t]+/g, '')
    .replace(/^[^:]+:\s*/, '');

const HOUR_MS = 3_600_000;
export const hoursAfter = (at: Date, hours: number) => new Date(at.getTime() + hours * HOUR_MS);

/** Midnight UTC of the day that is `daysBack` days before the day of `from`. */
export function utcMidnight(from: Date, daysBack = 0): Date {
  return new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() - daysBack));
}
