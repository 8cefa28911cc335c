import { io, type Socket } from 'socket.io-client';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../lib/api';
import type { Post } from '../../lib/forum-types';

const PAGE_SIZE = 50;
const enc = encodeURIComponent;

interface PostPage {
  items: Post[];
  nextAfter: number | null;
}

/** Adds or replaces posts by id, kept in post-number order. */
export function mergePosts(current: Post[], incoming: Post[]): Post[] {
  const byId = new Map(current.map((p) => [p.id, p]));
  for (const post of incoming) {
    const before = byId.get(post.id);
    // Room events carry the public view; what only this reader knows (mine, own reactions, bookmark) is kept.
    byId.set(post.id, {
      ...post,
      mine: post.mine ?? before?.mine,
      myReactions: post.myReactions ?? before?.myReactions ?? [],
      bookmarked: post.bookmarked ?? before?.bookmarked,
      bookmarkReminderAt: post.bookmarkReminderAt !== undefined ? post.bookmarkReminderAt : before?.bookmarkReminderAt,
    });
  }
  return [...byId.values()].sort((a, b) => a.postNumber - b.postNumber);
}

export type LiveState = 'connecting' | 'live' | 'offline';

/**
 * A topic's posts as this reader sees them: paged in order, kept live over socket.io, marked read as they
 * arrive on screen. `loadThrough` keeps loading pages until a post number is loaded (jump to first unread).
 */
export function useTopicPosts(topicId: string, onTopicChanged: () => void) {
  const [posts, setPosts] = useState<Post[]>([]);
  const [nextAfter, setNextAfter] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');
  const [live, setLive] = useState<LiveState>('connecting');
  const postsRef = useRef<Post[]>([]);
  postsRef.current = posts;
  const nextAfterRef = useRef<number | null>(null);
  /** The last post number the pages loaded so far reach (refs, not state: a jump reads them between renders). */
  const loadedThrough = useRef(0);
  const lastRead = useRef(0);
  // Every page load chains onto the one before, so "load more" and a jump never fetch the same page twice.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const topicChanged = useRef(onTopicChanged);
  topicChanged.current = onTopicChanged;

  const update = (incoming: Post[]) => setPosts((prev) => mergePosts(prev, incoming));

  /** Loads the page after `after`; false when it failed (the error is shown). */
  async function fetchPage(after: number): Promise<boolean> {
    setLoading(true);
    setError(null);
    try {
      const page = await api.get<PostPage>(`/topics/${enc(topicId)}/posts`, { after, limit: PAGE_SIZE });
      const items = page.items ?? [];
      update(items);
      const last = items.length ? items[items.length - 1].postNumber : after;
      loadedThrough.current = Math.max(loadedThrough.current, last);
      nextAfterRef.current = page.nextAfter ?? null;
      setNextAfter(nextAfterRef.current);
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setLoading(false);
    }
  }

  function enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.current.then(work);
    queue.current = run.catch(() => undefined);
    return run;
  }

  const loadMore = () => enqueue(() => (nextAfterRef.current === null ? Promise.resolve(false) : fetchPage(nextAfterRef.current)));

  /** Loads page after page until post `postNumber` (or the end of the topic) is loaded. */
  const loadThrough = (postNumber: number) =>
    enqueue(async () => {
      while (nextAfterRef.current !== null && loadedThrough.current < postNumber) {
        if (!(await fetchPage(nextAfterRef.current))) return;
      }
    });

  useEffect(() => {
    setPosts([]);
    nextAfterRef.current = null;
    loadedThrough.current = 0;
    lastRead.current = 0;
    void enqueue(() => fetchPage(0));
  }, [topicId]);

  // Mark what is on screen as read, once it has grown past what was last recorded.
  const lastShown = posts.length ? posts[posts.length - 1].postNumber : 0;
  useEffect(() => {
    if (!lastShown || lastShown <= lastRead.current) return;
    lastRead.current = lastShown;
    api.put(`/topics/${enc(topicId)}/read`, { postNumber: lastShown }).catch(() => undefined);
  }, [lastShown]);

  // Live updates: new replies appear, edits and moderation replace the post in place.
  useEffect(() => {
    const socket: Socket = io({ path: '/realtime', withCredentials: true });
    const join = () =>
      socket.emit('topic:join', { topicId }, (ack: { ok: boolean } | undefined) => {
        setLive(ack?.ok ? 'live' : 'offline');
        // After a reconnection, fetch whatever arrived while the connection was down; only needed when the
        // reader had reached the end (otherwise the next page, loaded on request, holds it anyway).
        const known = postsRef.current;
        if (ack?.ok && known.length && nextAfterRef.current === null) void enqueue(() => fetchPage(known[known.length - 1].postNumber));
      });
    socket.on('connect', join);
    socket.on('disconnect', () => setLive('offline'));
    socket.on('post:created', (post: Post) => {
      if (post.topicId !== topicId) return;
      const isNew = !postsRef.current.some((p) => p.id === post.id);
      update([post]);
      if (isNew) setAnnouncement(`New reply from ${post.author.displayName}.`);
    });
    socket.on('post:updated', (post: Post) => {
      if (post.topicId !== topicId) return;
      // Each reader may see a post differently (facilitators see hidden text), so fetch this reader's view.
      api.get<Post>(`/posts/${enc(post.id)}`).then(
        (mine) => update([mine]),
        () => update([post]),
      );
    });
    socket.on('topic:updated', () => topicChanged.current());
    return () => {
      socket.emit('topic:leave', { topicId });
      socket.disconnect();
    };
  }, [topicId]);

  /** Whether every post up to this number has been loaded (a live reply at the end does not count). */
  const isLoadedThrough = (postNumber: number) => loadedThrough.current >= postNumber || (!loading && nextAfterRef.current === null);

  return { posts, nextAfter, loading, error, announcement, live, update, loadMore, loadThrough, isLoadedThrough };
}
