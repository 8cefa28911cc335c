import { useCallback, useState } from 'preact/hooks';
import { api } from '../lib/api';
import type { NotificationPage, NotificationView } from '../lib/notification-types';
import { markAllNotificationsRead, markNotificationRead, setUnreadCount, useNotificationArrivals } from '../lib/notifications';
import { useLoad } from '../lib/use-load';
import { useAction } from '../lib/use-submit';
import { FormStatus } from './form-status';
import { Loading } from './loading';
import { NotificationItem } from './notification-item';

const LATEST = 10;

/** Puts a live notification first; a coalesced one (same id, higher count) moves up instead of repeating. */
export function upsertNotification(list: NotificationView[], n: NotificationView, limit = Infinity): NotificationView[] {
  return [n, ...list.filter((x) => x.id !== n.id)].slice(0, limit);
}

export function NotificationPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const latest = useLoad(async () => {
    const page = await api.get<NotificationPage>('/notifications', { limit: LATEST });
    setUnreadCount(page.unreadCount);
    return page.items;
  }, []);
  const action = useAction();
  const [busy, setBusy] = useState(false);
  const items = latest.data ?? [];

  useNotificationArrivals(
    useCallback((n: NotificationView) => latest.setData((list) => list && upsertNotification(list, n, LATEST)), []),
  );

  function markRead(n: NotificationView) {
    void action.run(async () => {
      await markNotificationRead(n);
      latest.setData((list) => list?.map((x) => (x.id === n.id ? { ...x, readAt: new Date().toISOString() } : x)));
    });
    onClose();
  }

  async function markAll() {
    setBusy(true);
    await action.run(async () => {
      await markAllNotificationsRead();
      const now = new Date().toISOString();
      latest.setData((list) => list?.map((x) => ({ ...x, readAt: x.readAt ?? now })));
      return 'All notifications marked read.';
    });
    setBusy(false);
  }

  return (
    <section id={id} class="notification-panel" aria-labelledby={`${id}-title`}>
      <div class="notification-panel-head">
        <h2 id={`${id}-title`}>Notifications</h2>
        <button
          type="button"
          class="button button-small button-secondary"
          onClick={markAll}
          disabled={busy || !items.some((n) => !n.readAt)}
        >
          Mark all read
        </button>
      </div>
      {latest.loading && !latest.data && <Loading what="Loading notifications" />}
      <FormStatus error={action.error ?? latest.error} success={action.message} />
      {latest.data && items.length === 0 && <p class="muted">Nothing yet. Mentions, replies and reviews will show up here.</p>}
      {items.length > 0 && (
        <ul class="notification-list" aria-label="Latest notifications">
          {items.map((n) => (
            <li key={n.id}>
              <NotificationItem notification={n} onOpen={markRead} />
            </li>
          ))}
        </ul>
      )}
      <p class="notification-panel-foot">
        <a href="/notifications">See all</a>
        <a href="/settings/notifications">Notification settings</a>
      </p>
    </section>
  );
}
