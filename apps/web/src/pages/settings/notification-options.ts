import type { DeliveryChannel, DigestFrequency } from '../../lib/notification-types';

export const CHANNELS: { value: DeliveryChannel; label: string }[] = [
  { value: 'in_app', label: 'In the app' },
  { value: 'email_immediate', label: 'In the app and by email at once' },
  { value: 'email_digest', label: 'In the app and in the email digest' },
  { value: 'off', label: 'Off' },
];

export const FREQUENCIES: { value: DigestFrequency; label: string }[] = [
  { value: 'daily', label: 'Daily' },
  { value: 'weekly', label: 'Weekly' },
  { value: 'never', label: 'Never' },
];

// The hour is a wall-clock hour in the chosen zone: formatted in UTC so the browser's own offset never shifts it.
const hourFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });

/** 0–23 as the person's locale writes a time of day ("07:00" or "7:00 AM"). */
export const HOURS = Array.from({ length: 24 }, (_, hour) => ({
  value: String(hour),
  label: hourFormat.format(Date.UTC(2000, 0, 1, hour)),
}));

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Every IANA zone the browser knows, plus the ones in play, which some browsers leave out of the list (UTC). */
export function timeZoneOptions(...wanted: (string | null)[]): { value: string; label: string }[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  const all = new Set(zones);
  for (const zone of [...wanted, 'UTC']) if (zone) all.add(zone);
  return [...all].sort().map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') }));
}

/** An ISO instant as the value of a datetime-local input, in this browser's time. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value (browser time) as an ISO instant; null when empty or unreadable. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
