import type { StoredNotification } from '../repositories/notification.repository';

export interface NotificationView {
  id: string;
  kind: string;
  text: string;
  actorName: string | null;
  count: number;
  url: string;
  createdAt: string;
  updatedAt: string;
  readAt: string | null;
}

const quoted = (subject: string) => `“${subject}”`;
const REPORT_STATUS: Record<string, string> = { reviewed: 'was reviewed', action_taken: 'led to action', received: 'was received' };

/** One line in plain words. The actor is whoever peers saw: a pseudonym for anonymous posts, never the person behind it. */
export function notificationText(n: Pick<StoredNotification, 'kind' | 'actorName' | 'count' | 'subject' | 'detail'>): string {
  const who = n.actorName ?? 'Someone';
  const where = quoted(n.subject);
  switch (n.kind) {
    case 'mentioned':
      return `${who} mentioned you in ${where}`;
    case 'replied':
      return n.count > 1 ? `${n.count} replies to you in ${where}` : `${who} replied to you in ${where}`;
    case 'quoted':
      return `${who} quoted you in ${where}`;
    case 'reacted':
      return n.count > 1 ? `${who} and ${n.count - 1} more reacted to your post in ${where}` : `${who} reacted to your post in ${where}`;
    case 'watching':
      if (n.detail === 'new_topic' && n.count === 1) return `New topic ${where} by ${who}`;
      return n.count > 1 ? `${n.count} new posts in ${where}` : `${who} posted in ${where}`;
    case 'room_invited':
      return `${who} invited you to the dialogue room ${where}`;
    case 'room_starting':
      return `${where} is starting now`;
    case 'report_status':
      return `Your harm report in ${where} ${REPORT_STATUS[n.detail ?? ''] ?? 'changed status'}`;
    case 'article_needs_review':
      return `${where} is due for review`;
    case 'review_requested':
      return `${who} asked you to review ${where}`;
    case 'answer_marked':
      return `An answer was marked in ${where}`;
    case 'bookmark_reminder':
      return `Reminder: ${where}`;
    case 'program_item_overdue':
      return n.count > 1 ? `${n.count} required items on your learning path are overdue, the latest ${where}` : `${where} on your learning path is overdue`;
    case 'session_reminder':
      return `${where} starts ${n.detail === 'hour' ? 'in an hour' : 'tomorrow'}`;
    default:
      return where;
  }
}

export function presentNotification(n: StoredNotification): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    text: notificationText(n),
    actorName: n.actorName,
    count: n.count,
    url: n.url,
    createdAt: new Date(n.createdAt).toISOString(),
    updatedAt: new Date(n.updatedAt).toISOString(),
    readAt: n.readAt ? new Date(n.readAt).toISOString() : null,
  };
}
