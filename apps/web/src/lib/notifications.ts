import { useEffect, useState } from 'preact/hooks';
import { api } from './api';
import type { NotificationEvents, NotificationView } from './notification-types';
import { holdSocket } from './realtime';

/**
 * The signed-in person's unread count, shared by the bell and the notification pages so marking something
 * read anywhere moves the badge at once; the server's own count (socket or response) always wins.
 */
let unread = 0;
const countListeners = new Set<(n: number) => void>();
const arrivalListeners = new Set<(n: NotificationView) => void>();

export function setUnreadCount(next: number): void {
  unread = Math.max(0, next);
  for (const listener of countListeners) listener(unread);
}

export function useUnreadCount(): number {
  const [value, setValue] = useState(unread);
  useEffect(() => {
    countListeners.add(setValue);
    setValue(unread);
    return () => void countListeners.delete(setValue);
  }, []);
  return value;
}

/** Calls `handler` for each notification that arrives live while the caller is mounted. */
export function useNotificationArrivals(handler: (n: NotificationView) => void): void {
  useEffect(() => {
    arrivalListeners.add(handler);
    return () => void arrivalListeners.delete(handler);
  }, [handler]);
}

export async function refreshUnreadCount(): Promise<void> {
  const { unreadCount } = await api.get<{ unreadCount: number }>('/notifications/unread-count');
  setUnreadCount(unreadCount);
}

/** Marks one read; the badge drops straight away when it was unread. */
export async function markNotificationRead(n: NotificationView): Promise<void> {
  await api.post<void>(`/notifications/${encodeURIComponent(n.id)}/read`);
  if (!n.readAt) setUnreadCount(unread - 1);
}

export async function markAllNotificationsRead(): Promise<number> {
  const { marked } = await api.post<{ marked: number }>('/notifications/read-all');
  setUnreadCount(0);
  return marked;
}

/**
 * Keeps the count live for one signed-in person: the first count over HTTP, then the socket's events.
 * Returns whether the live connection is up, so the bell can say when it is not.
 */
export function useLiveNotifications(userId: string | null): boolean {
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (!userId) return;
    let active = true;
    setUnreadCount(0);
    refreshUnreadCount().catch(() => undefined);
    let detach = () => {};
    const release = holdSocket((socket) => {
      if (!active) return;
      let connectedBefore = false;
      const onConnect = () => {
        setLive(true);
        // Events sent while the connection was down are lost; the server's count is the truth.
        if (connectedBefore) refreshUnreadCount().catch(() => undefined);
        connectedBefore = true;
      };
      const onDisconnect = () => setLive(false);
      const onNotification = ({ notification, unreadCount }: NotificationEvents['notification']) => {
        setUnreadCount(unreadCount);
        for (const listener of arrivalListeners) listener(notification);
      };
      const onCount = ({ unreadCount }: NotificationEvents['notification.count']) => setUnreadCount(unreadCount);
      socket.on('connect', onConnect);
      socket.on('disconnect', onDisconnect);
      socket.on('notification', onNotification);
      socket.on('notification.count', onCount);
      if (socket.connected) onConnect();
      detach = () => {
        socket.off('connect', onConnect);
        socket.off('disconnect', onDisconnect);
        socket.off('notification', onNotification);
        socket.off('notification.count', onCount);
      };
    });
    return () => {
      active = false;
      detach();
      release();
      setLive(false);
    };
  }, [userId]);
  return live;
}
