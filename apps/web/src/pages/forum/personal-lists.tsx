import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../lib/api';
import type { BookmarkEntry, Post, Topic } from '../../lib/forum-types';
import { formatDate } from '../../lib/labels';
import type { Page as ListPage } from '../../lib/types';
import { PagedItems, usePagedList } from './paged-list';

const PAGE_SIZE = 20;
const EXCERPT_LENGTH = 240;

/** The post's text without markup, cut short: enough to recognise it. The HTML is the server's sanitized rendering. */
function excerpt(html: string | null): string {
  if (!html) return '';
  const text = (new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text;
}

/**
 * Titles of the topics these posts belong to. Posts carry only their topic's id, so each topic is asked for
 * once; one that cannot be read any more simply keeps the generic link text.
 */
function useTopicTitles(posts: Post[]): Map<string, string> {
  const [titles, setTitles] = useState<Map<string, string>>(() => new Map());
  const asked = useRef(new Set<string>());
  const ids = [...new Set(posts.map((post) => post.topicId))];
  useEffect(() => {
    for (const id of ids) {
      if (asked.current.has(id)) continue;
      asked.current.add(id);
      api.get<Topic>(`/topics/${encodeURIComponent(id)}`).then(
        (topic) => setTitles((current) => new Map(current).set(id, topic.title)),
        () => undefined,
      );
    }
  }, [ids.join(',')]);
  return titles;
}

interface PostEntryProps {
  post: Post;
  topicTitle?: string;
  /** The person's own post: no "by", but whether it went out under a pseudonym. */
  mine?: boolean;
  children?: ComponentChildren;
}

function PostEntry({ post, topicTitle, mine, children }: PostEntryProps) {
  const text = excerpt(post.html);
  const byline = mine
    ? post.author.anonymous
      ? `, anonymously as ${post.author.displayName}`
      : ''
    : ` by ${post.author.displayName}`;
  return (
    <article class="topic-summary">
      <h3 class="topic-title">
        <a href={`/forum/t/${post.topicId}#post-${post.postNumber}`}>{topicTitle ?? 'Go to the topic'}</a>
      </h3>
      <p class="topic-meta muted">
        Post {post.postNumber}
        {byline} · {formatDate(post.createdAt, true)}
        {post.status === 'pending' ? ' · waiting for approval' : post.status === 'hidden' ? ' · hidden by a facilitator' : ''}
        {children}
      </p>
      {text ? <p class="post-excerpt">{text}</p> : <p class="muted">The text of this post is not shown.</p>}
    </article>
  );
}

/** GET /me/bookmarks: the post, its topic, and when a reminder is due. */
export function BookmarkList() {
  const list = usePagedList<BookmarkEntry>('/me/bookmarks', {}, PAGE_SIZE);
  const titles = useTopicTitles(list.items.map((entry) => entry.post));
  return (
    <PagedItems
      list={list}
      label="Your bookmarks"
      empty={<p>You have not bookmarked any posts yet. Use “Bookmark” under a post to keep it here.</p>}
      keyOf={(entry) => entry.post.id}
      render={(entry) => (
        <PostEntry post={entry.post} topicTitle={titles.get(entry.post.topicId)}>
          {entry.reminderAt ? ` · Reminder ${formatDate(entry.reminderAt, true)}` : ' · No reminder'}
        </PostEntry>
      )}
    />
  );
}

/** GET /me/posts: the person's own posts, anonymous ones included (they are the only one who sees this list). */
export function MyPostList() {
  const list = usePagedList<Post, ListPage<Post>>('/me/posts', {}, PAGE_SIZE);
  const titles = useTopicTitles(list.items);
  return (
    <PagedItems
      list={list}
      label="Your posts"
      empty={<p>You have not posted yet.</p>}
      keyOf={(post) => post.id}
      render={(post) => <PostEntry post={post} topicTitle={titles.get(post.topicId)} mine />}
    />
  );
}
