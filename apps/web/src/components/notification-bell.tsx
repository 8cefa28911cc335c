import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { NotificationView } from '../lib/notification-types';
import { useLiveNotifications, useNotificationArrivals, useUnreadCount } from '../lib/notifications';
import { NotificationPanel } from './notification-panel';

/** The badge text: nothing at 0, and a cap so a long absence does not stretch the header. */
export function badgeText(count: number): string {
  return count > 99 ? '99+' : String(count);
}

const PANEL_ID = 'notification-panel';

/** The header's bell: a live unread count, and a small panel of the latest notifications. */
export function NotificationBell({ userId, path }: { userId: string; path: string }) {
  const live = useLiveNotifications(userId);
  const count = useUnreadCount();
  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // A followed link (from the panel or anywhere) closes the panel.
  useEffect(() => setOpen(false), [path]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: MouseEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('mousedown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  // Screen-reader users hear of a new notification once, politely, without the badge being read out each time.
  const announce = useCallback((n: NotificationView) => setAnnouncement(`New notification: ${n.text}`), []);
  useNotificationArrivals(announce);

  return (
    <div class="notification-bell" ref={wrapper} data-live={live ? 'true' : 'false'}>
      <button
        ref={button}
        type="button"
        class="bell-button"
        aria-label={`Notifications (${count} unread)`}
        aria-expanded={open ? 'true' : 'false'}
        aria-controls={PANEL_ID}
        onClick={() => setOpen(!open)}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" focusable="false">
          <path
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
            fill="currentColor"
          />
        </svg>
        <span class="notification-count" data-testid="notification-count" aria-hidden="true" hidden={count === 0}>
          {badgeText(count)}
        </span>
      </button>
      {open && <NotificationPanel id={PANEL_ID} onClose={() => setOpen(false)} />}
      <p role="status" aria-live="polite" class="visually-hidden">
        {announcement}
      </p>
    </div>
  );
}
