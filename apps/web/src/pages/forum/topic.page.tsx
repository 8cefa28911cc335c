import { useEffect, useState } from 'preact/hooks';
import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { api, ApiError } from '../../lib/api';
import type { Post, Space, Topic } from '../../lib/forum-types';
import { useSession } from '../../lib/session';
import { useLoad } from '../../lib/use-load';
import { CaptureTopic } from '../knowledge/capture-topic';
import { AgreementGate, needsAgreement } from './forum-ui';
import { PostItem, postAnchor, type PostContext } from './post-item';
import { REPLY_ID, ReplyForm } from './reply-form';
import { ContentNotesBanner, TopicHead } from './topic-head';
import { TopicSubscription } from './topic-subscription';
import { TopicTools } from './topic-tools';
import { useReplyDraft } from './use-reply-draft';
import { useTopicPosts } from './use-topic-posts';

const enc = encodeURIComponent;
const NOTES_TOGGLE_ID = 'content-notes-toggle';

function textOf(html: string | null): string {
  if (!html) return '';
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return (doc.body.textContent ?? '').trim();
}

const postNumberInHash = () => Number(/^#post-(\d+)$/.exec(window.location.hash)?.[1] ?? 0) || null;

export function TopicPage({ id }: { id: string }) {
  const topic = useLoad(() => api.get<Topic>(`/topics/${enc(id)}`), [id]);
  const spaceId = topic.data?.spaceId;
  const space = useLoad(() => (spaceId ? api.get<Space>(`/spaces/${enc(spaceId)}`) : Promise.resolve(undefined)), [spaceId]);
  const me = useSession().me;
  const thread = useTopicPosts(id, () => topic.reload());
  const draft = useReplyDraft(id);
  const [notesShown, setNotesShown] = useState(false);
  // Where the reader left off when the page opened; reading on here does not move the link.
  const [firstUnread, setFirstUnread] = useState<number | null | undefined>(undefined);
  const [focusTarget, setFocusTarget] = useState<number | null>(null);

  useEffect(() => setFirstUnread(undefined), [id]);
  useEffect(() => {
    const t = topic.data;
    if (!t || firstUnread !== undefined) return;
    const read = t.lastReadPostNumber;
    setFirstUnread(read !== null && read < t.lastPostNumber ? read + 1 : null);
  }, [topic.data]);

  // Until every server sends the reader's preference, notes fold the posts as they always did.
  const notes = topic.data?.contentNotes ?? [];
  const notesCollapse = notes.length > 0 && (topic.data?.contentNotesCollapsed ?? true);
  const folded = notesCollapse && !notesShown;

  /**
   * Loads pages until the post is there, then scrolls to it and moves focus to it. Posts folded behind content
   * notes stay folded: focus goes to the notes' Show button, and the jump completes once the reader opens them.
   */
  function goToPost(postNumber: number) {
    setFocusTarget(postNumber);
    void thread.loadThrough(postNumber);
    if (folded) document.getElementById(NOTES_TOGGLE_ID)?.focus();
  }

  // A `#post-N` address (a quote link, a shared link) is honoured even when post N is past the first page.
  useEffect(() => {
    const fromHash = () => {
      const wanted = postNumberInHash();
      if (wanted) goToPost(wanted);
    };
    fromHash();
    window.addEventListener('hashchange', fromHash);
    return () => window.removeEventListener('hashchange', fromHash);
  }, [id]);

  // Focus moves once the target (or the first listed post after it, if it is not listed) is on screen.
  useEffect(() => {
    if (focusTarget === null || !topic.data || folded || !thread.isLoadedThrough(focusTarget)) return;
    const target = thread.posts.find((p) => p.postNumber >= focusTarget);
    const element = target && document.getElementById(postAnchor(target.postNumber));
    if (element) {
      element.scrollIntoView({ block: 'start' });
      element.focus({ preventScroll: true });
    }
    setFocusTarget(null);
  }, [focusTarget, thread.posts, thread.loading, folded, !topic.data]);

  function quote(post: Post) {
    const text = textOf(post.html).slice(0, 600);
    const block = `[quote=${post.postNumber}]\n${text}\n[/quote]\n`;
    const current = draft.text;
    draft.change((current && !current.endsWith('\n') ? `${current}\n` : current) + block);
    const area = document.getElementById(REPLY_ID) as HTMLTextAreaElement | null;
    if (area) {
      area.focus();
      window.setTimeout(() => area.setSelectionRange(area.value.length, area.value.length), 0);
    }
  }

  async function setAnswer(postNumber: number | null) {
    if (postNumber === null) {
      await api.delete(`/topics/${enc(id)}/answer`);
      topic.setData((t) => t && { ...t, answerPostNumber: null });
    } else {
      const next = await api.post<Topic>(`/topics/${enc(id)}/answer`, { postNumber });
      topic.setData(() => next);
    }
  }

  if (topic.loading && !topic.data) {
    return (
      <Page title="Topic">
        <Loading what="Loading the topic" />
      </Page>
    );
  }
  if (!topic.data) {
    const missing = topic.error instanceof ApiError && [400, 404].includes(topic.error.status);
    return (
      <Page title={missing ? 'Topic not found' : 'Topic'}>
        {missing ? <p>We could not find that topic, or it is not open to you.</p> : <FormStatus error={topic.error} />}
        <p>
          <a href="/forum">Back to the forum</a>
        </p>
      </Page>
    );
  }

  const t = topic.data;
  const s = space.data;
  const canModerate = !!s?.isFacilitator;
  const blocked = (t.state === 'closed' || t.state === 'paused' || t.archived) && !canModerate;
  const startedTopic = (!!me && t.author.id === me.id) || !!thread.posts.find((p) => p.postNumber === 1)?.mine;
  const context: PostContext = {
    canModerate,
    frozen: (t.state === 'closed' || t.state === 'paused') && !canModerate,
    isQuestion: t.kind === 'question',
    canChooseAnswer: t.kind === 'question' && (startedTopic || canModerate),
    answerPostNumber: t.answerPostNumber ?? null,
    setAnswer,
  };

  return (
    <Page title={t.title}>
      <TopicHead topic={t} space={s} firstUnread={firstUnread ?? null} goToPost={goToPost} />
      {notes.length > 0 && (
        <ContentNotesBanner notes={notes} collapsed={notesCollapse} shown={notesShown} toggleId={NOTES_TOGGLE_ID} onToggle={() => setNotesShown(!notesShown)} />
      )}

      <section id="posts" aria-labelledby="posts-title" class="section" aria-busy={thread.loading ? 'true' : 'false'}>
        <h2 id="posts-title" class="visually-hidden">
          Posts
        </h2>
        <p role="status" class="visually-hidden">
          {thread.announcement}
        </p>
        <FormStatus error={thread.error} />
        {!folded ? (
          <ol class="post-list">
            {thread.posts.map((post) => (
              <li key={post.id}>
                <PostItem post={post} context={context} onChange={(p) => thread.update([p])} onQuote={quote} />
              </li>
            ))}
          </ol>
        ) : (
          <p class="muted">The posts are hidden until you choose to show them.</p>
        )}
        {thread.loading && <Loading what="Loading posts" />}
        {!thread.loading && thread.nextAfter !== null && (
          <div class="actions center">
            <button type="button" class="button button-secondary" onClick={() => thread.loadMore()}>
              Load more posts
            </button>
          </div>
        )}
        <p class="muted live-state">
          {thread.live === 'live' ? 'New replies appear here as they are posted.' : thread.live === 'offline' ? 'Live updates are paused; reload to see new replies.' : ''}
        </p>
      </section>

      {me && !folded && thread.posts.length > 0 && <CaptureTopic topic={t} posts={thread.posts} />}

      {canModerate && <TopicTools topic={t} onChanged={(next) => topic.setData(() => next)} />}

      {s &&
        (blocked ? null : needsAgreement(s) ? (
          <AgreementGate spaceId={s.id} onAccepted={(version) => space.setData((c) => c && { ...c, acceptedAgreementVersion: version })} />
        ) : (
          <ReplyForm
            topicId={t.id}
            space={s}
            draft={draft}
            onPosted={(post) => thread.update([post])}
            onAgreementNeeded={() => space.setData((c) => c && { ...c, acceptedAgreementVersion: null })}
          />
        ))}

      <TopicSubscription topicId={t.id} />
    </Page>
  );
}
