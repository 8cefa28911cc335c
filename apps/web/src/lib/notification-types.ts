// Shapes of the notification, preference, unsubscribe and job endpoints (issue 6 contract), kept by hand like types.ts.

export type NotificationKind =
  | 'mentioned'
  | 'replied'
  | 'quoted'
  | 'reacted'
  | 'watching'
  | 'room_invited'
  | 'room_starting'
  | 'report_status'
  | 'article_needs_review'
  | 'review_requested'
  | 'answer_marked'
  | 'bookmark_reminder';

export type DeliveryChannel = 'in_app' | 'email_immediate' | 'email_digest' | 'off';
export type DigestFrequency = 'daily' | 'weekly' | 'never';

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  /** One line written by the server, already anonymity-safe. */
  text: string;
  actorName: string | null;
  /** Events merged into this one, e.g. three reactions on one post. */
  count: number;
  /** A path inside the web client. */
  url: string;
  createdAt: string;
  updatedAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: NotificationView[];
  nextCursor: string | null;
  unreadCount: number;
}

export interface NotificationPreferences {
  kinds: { kind: NotificationKind; label: string; channel: DeliveryChannel }[];
  digest: { frequency: DigestFrequency; hour: number };
  /** Null (or absent) when the person never chose one: the client then offers the browser's. */
  timeZone: string | null;
  quietUntil: string | null;
}

export interface PreferencesUpdate {
  kinds?: Partial<Record<NotificationKind, DeliveryChannel>>;
  digest?: { frequency?: DigestFrequency; hour?: number };
  timeZone?: string;
  quietUntil?: string | null;
}

export interface UnsubscribeDescription {
  topic: NotificationKind | 'digest';
  label: string;
  /** Masked by the server, e.g. a***@x.org. */
  email: string;
}

/** The socket events the server sends to a person's own connections. */
export interface NotificationEvents {
  notification: { notification: NotificationView; unreadCount: number };
  'notification.count': { unreadCount: number };
}

export interface FailedJob {
  id: string;
  name: string;
  jobId: string | null;
  payload: unknown;
  error: string;
  attempts: number;
  failedAt: string;
}

export interface FailedJobPage {
  items: FailedJob[];
  nextCursor: string | null;
}

export interface JobSummary {
  failed: number;
  outbox: number;
  queues: { waiting: number; active: number; delayed: number };
}
