export const NOTIFICATION_KINDS = [
  'mentioned',
  'replied',
  'quoted',
  'reacted',
  'watching',
  'room_invited',
  'room_starting',
  'report_status',
  'article_needs_review',
  'review_requested',
  'answer_marked',
  'bookmark_reminder',
  'program_item_overdue',
  'session_reminder',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** in_app: the bell only; email_immediate: the bell, and an email if unseen for a while; email_digest: the bell and the digest. */
export const DELIVERY_CHANNELS = ['in_app', 'email_immediate', 'email_digest', 'off'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

export const DIGEST_FREQUENCIES = ['daily', 'weekly', 'never'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

/** What people get until they choose: personal things by email, ambient things in the app and the digest. */
export const DEFAULT_CHANNELS: Record<NotificationKind, DeliveryChannel> = {
  mentioned: 'email_immediate',
  replied: 'email_immediate',
  quoted: 'email_immediate',
  reacted: 'in_app',
  watching: 'email_digest',
  room_invited: 'email_immediate',
  room_starting: 'in_app',
  report_status: 'email_immediate',
  article_needs_review: 'email_immediate',
  review_requested: 'email_immediate',
  answer_marked: 'in_app',
  bookmark_reminder: 'email_immediate',
  program_item_overdue: 'email_digest',
  session_reminder: 'email_immediate',
};

/**
 * Kinds emailed the moment they are made, skipping the MAIL_IMMEDIATE_DELAY_SECONDS wait for the person to see them
 * in the app first: a session reminder is about a time, and mailed late it has lost its point.
 */
export const SENT_WITHOUT_DELAY: ReadonlySet<NotificationKind> = new Set<NotificationKind>(['session_reminder']);

export const KIND_LABELS: Record<NotificationKind, string> = {
  mentioned: 'Someone mentions me',
  replied: 'Someone replies to me',
  quoted: 'Someone quotes me',
  reacted: 'Reactions to my posts',
  watching: 'New posts in topics and spaces I watch',
  room_invited: 'Invitations to dialogue rooms',
  room_starting: 'A room I joined is starting',
  report_status: 'Updates on harm reports I made',
  article_needs_review: 'An article I own needs review',
  review_requested: 'Review requests',
  answer_marked: 'Answers marked on my questions',
  bookmark_reminder: 'Reminders I set on bookmarks',
  program_item_overdue: 'Required learning-path items past their date',
  session_reminder: 'Sessions I am expected at, a day and an hour before',
};

export const DIGEST_TOPIC = 'digest';
