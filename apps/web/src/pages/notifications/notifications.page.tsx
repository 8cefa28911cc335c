import { useState } from 'preact/hooks';
import { FormStatus } from '../../components/form-status';
import { NotificationItem } from '../../components/notification-item';
import { Page } from '../../components/page';
import type { NotificationPage, NotificationView } from '../../lib/notification-types';
import { markAllNotificationsRead, markNotificationRead, useUnreadCount } from '../../lib/notifications';
import { replaceSearch } from '../../lib/router';
import { useAction } from '../../lib/use-submit';
import { PagedItems, usePagedList } from '../forum/paged-list';

const PAGE_SIZE = 20;

const VIEWS = [
  { unread: false, label: 'All', href: '/notifications' },
  { unread: true, label: 'Unread', href: '/notifications?unread=true' },
];

const inPlace = (apply: () => void) => (event: MouseEvent) => {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  apply();
};

export function NotificationsPage({ search }: { search: string }) {
  const [unreadOnly, setUnreadOnly] = useState(() => new URLSearchParams(search).get('unread') === 'true');
  const list = usePagedList<NotificationView, NotificationPage>('/notifications', { unread: unreadOnly || null }, PAGE_SIZE);
  // What this page marked read, laid over the loaded pages so an item stays where it is (even under "Unread").
  const [readNow, setReadNow] = useState<Record<string, string>>({});
  const [allReadAt, setAllReadAt] = useState<string | null>(null);
  const unread = useUnreadCount();
  const action = useAction();

  const show = (view: (typeof VIEWS)[number]) => {
    setUnreadOnly(view.unread);
    replaceSearch(view.unread ? '?unread=true' : '');
  };
  const withReads = (n: NotificationView): NotificationView => ({ ...n, readAt: n.readAt ?? readNow[n.id] ?? allReadAt });

  function markRead(n: NotificationView) {
    void action.run(async () => {
      await markNotificationRead(n);
      setReadNow((map) => ({ ...map, [n.id]: new Date().toISOString() }));
    });
  }

  function markAll() {
    void action.run(async () => {
      const marked = await markAllNotificationsRead();
      setAllReadAt(new Date().toISOString());
      return marked === 1 ? '1 notification marked read.' : `${marked} notifications marked read.`;
    });
  }

  return (
    <Page
      title="Notifications"
      intro={
        <p>
          Mentions, replies and other news about what you take part in. Choose what reaches you, and how, in your{' '}
          <a href="/settings/notifications">notification settings</a>.
        </p>
      }
    >
      <nav aria-label="Notification lists">
        <ul class="view-tabs">
          {VIEWS.map((view) => (
            <li key={view.label}>
              <a
                href={view.href}
                aria-current={view.unread === unreadOnly ? 'page' : undefined}
                onClick={inPlace(() => show(view))}
              >
                {view.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="actions">
        <p class="muted result-count">{unread === 1 ? '1 unread' : `${unread} unread`}</p>
        <button type="button" class="button button-secondary" onClick={markAll} disabled={unread === 0}>
          Mark all read
        </button>
      </div>
      <FormStatus error={action.error} success={action.message} />
      <PagedItems
        list={{ ...list, items: list.items.map(withReads) }}
        label={unreadOnly ? 'Unread notifications' : 'Notifications'}
        empty={
          <p>{unreadOnly ? 'You have read everything.' : 'Nothing yet. Mentions, replies and reviews will show up here.'}</p>
        }
        keyOf={(n) => n.id}
        render={(n) => (
          <NotificationItem notification={n} onOpen={markRead}>
            {!n.readAt && (
              <button
                type="button"
                class="button button-small button-secondary"
                onClick={() => markRead(n)}
                aria-label={`Mark read: ${n.text}`}
              >
                Mark read
              </button>
            )}
          </NotificationItem>
        )}
      />
    </Page>
  );
}
