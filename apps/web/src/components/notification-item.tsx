import type { ComponentChildren } from 'preact';
import { formatDate } from '../lib/labels';
import type { NotificationView } from '../lib/notification-types';
import { timeAgo } from '../lib/relative-time';

interface Props {
  notification: NotificationView;
  /** Called as the link is followed, to mark it read. */
  onOpen: (n: NotificationView) => void;
  children?: ComponentChildren;
}

/** One notification as a link to what it is about; unread ones carry a dot and say so in words. */
export function NotificationItem({ notification: n, onOpen, children }: Props) {
  const unread = !n.readAt;
  return (
    <div class={`notification${unread ? ' notification-unread' : ''}`}>
      <span class="notification-dot" aria-hidden="true" />
      <div class="notification-main">
        <a href={n.url} onClick={(event) => event.button === 0 && onOpen(n)}>
          {unread && <span class="visually-hidden">Unread: </span>}
          {n.text}
        </a>
        <time class="notification-time" dateTime={n.updatedAt} title={formatDate(n.updatedAt, true)}>
          {timeAgo(n.updatedAt)}
        </time>
      </div>
      {children}
    </div>
  );
}
