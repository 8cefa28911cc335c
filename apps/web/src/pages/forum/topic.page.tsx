import { io, type Socket } from 'socket.io-client';
import { useEffect, useRef, useState } from 'preact/hooks';
import { SelectField, TextField } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { SubmitButton } from '../../components/submit-button';
import { api, ApiError } from '../../lib/api';
import type { Post, ReactionKind, Space, Topic } from '../../lib/forum-types';
import { formatDate } from '../../lib/labels';
import { useLoad } from '../../lib/use-load';
import { useAction, useSubmit } from '../../lib/use-submit';
import { AgreementGate, AnonymousCheckbox, needsAgreement, phaseLabel, stateLabel } from './forum-ui';
import { MarkdownComposer } from './markdown-composer';
import { FlagForm, RevealForm } from './post-flags';

const PAGE_SIZE = 50;
const REACTIONS: { kind: ReactionKind; label: string; symbol: string }[] = [
  { kind: 'heart', label: 'Heart', symbol: '♥' },
  { kind: 'thanks', label: 'Thanks', symbol: '🙏' },
  { kind: 'insightful', label: 'Insightful', symbol: '💡' },
  { kind: 'support', label: 'Support', symbol: '🤝' },
  { kind: 'agree', label: 'Agree', symbol: '✓' },
];

/** Adds or replaces posts by id, kept in post-number order. */
function merge(current: Post[], incoming: Post[]): Post[] {
  const byId = new Map(current.map((p) => [p.id, p]));
  for (const post of incoming) {
    const before = byId.get(post.id);
    // Room events carry the public view; what only this reader knows (mine, own reactions) is kept.
    byId.set(post.id, { ...post, mine: post.mine ?? before?.mine, myReactions: post.myReactions ?? before?.myReactions ?? [] });
  }
  return [...byId.values()].sort((a, b) => a.postNumber - b.postNumber);
}

const enc = encodeURIComponent;
const REPLY_ID = 'reply-body';

export function TopicPage({ id }: { id: string }) {
  const topic = useLoad(() => api.get<Topic>(`/topics/${enc(id)}`), [id]);
  const spaceId = topic.data?.spaceId;
  const space = useLoad(() => (spaceId ? api.get<Space>(`/spaces/${enc(spaceId)}`) : Promise.resolve(undefined)), [spaceId]);
  const [posts, setPosts] = useState<Post[]>([]);
  const [nextAfter, setNextAfter] = useState<number | null>(null);
  const [postsLoading, setPostsLoading] = useState(true);
  const [postsError, setPostsError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');
  const [notesShown, setNotesShown] = useState(false);
  const [draft, setDraft] = useState('');
  const [live, setLive] = useState<'connecting' | 'live' | 'offline'>('connecting');
  const lastRead = useRef(0);
  const postsRef = useRef<Post[]>([]);
  postsRef.current = posts;

  async function fetchPosts(after: number) {
    setPostsLoading(true);
    setPostsError(null);
    try {
      const page = await api.get<{ items: Post[]; nextAfter: number | null }>(`/topics/${enc(id)}/posts`, { after, limit: PAGE_SIZE });
      setPosts((prev) => merge(prev, page.items ?? []));
      setNextAfter(page.nextAfter ?? null);
    } catch (failure) {
      setPostsError(failure);
    } finally {
      setPostsLoading(false);
    }
  }

  useEffect(() => {
    void fetchPosts(0);
  }, [id]);

  // Mark what is on screen as read, once it has grown past what was last recorded.
  const lastShown = posts.length ? posts[posts.length - 1].postNumber : 0;
  useEffect(() => {
    if (!lastShown || lastShown <= lastRead.current) return;
    lastRead.current = lastShown;
    api.put(`/topics/${enc(id)}/read`, { postNumber: lastShown }).catch(() => undefined);
  }, [lastShown]);

  // Live updates: new replies appear, edits and moderation replace the post in place.
  useEffect(() => {
    const socket: Socket = io({ path: '/realtime', withCredentials: true });
    const join = () =>
      socket.emit('topic:join', { topicId: id }, (ack: { ok: boolean } | undefined) => {
        setLive(ack?.ok ? 'live' : 'offline');
        // After a reconnection, fetch whatever arrived while the connection was down.
        const known = postsRef.current;
        if (ack?.ok && known.length) void fetchPosts(known[known.length - 1].postNumber);
      });
    socket.on('connect', join);
    socket.on('disconnect', () => setLive('offline'));
    socket.on('post:created', (post: Post) => {
      if (post.topicId !== id) return;
      const isNew = !postsRef.current.some((p) => p.id === post.id);
      setPosts((prev) => merge(prev, [post]));
      if (isNew) setAnnouncement(`New reply from ${post.author.displayName}.`);
    });
    socket.on('post:updated', (post: Post) => {
      if (post.topicId !== id) return;
      // Each reader may see a post differently (facilitators see hidden text), so fetch this reader's view.
      api.get<Post>(`/posts/${enc(post.id)}`).then(
        (mine) => setPosts((prev) => merge(prev, [mine])),
        () => setPosts((prev) => merge(prev, [post])),
      );
    });
    socket.on('topic:updated', () => topic.reload());
    return () => {
      socket.emit('topic:leave', { topicId: id });
      socket.disconnect();
    };
  }, [id]);

  function quote(post: Post) {
    const text = textOf(post.html).slice(0, 600);
    const block = `[quote=${post.postNumber}]\n${text}\n[/quote]\n`;
    setDraft((current) => (current && !current.endsWith('\n') ? `${current}\n` : current) + block);
    const area = document.getElementById(REPLY_ID) as HTMLTextAreaElement | null;
    if (area) {
      area.focus();
      window.setTimeout(() => area.setSelectionRange(area.value.length, area.value.length), 0);
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
  const hasNotes = t.contentNotes.length > 0;
  const showPosts = !hasNotes || notesShown;
  const canModerate = !!s?.isFacilitator;
  const blocked = (t.state === 'closed' || t.state === 'paused') && !canModerate;

  return (
    <Page title={t.title}>
      <p class="page-intro">
        <a href={`/forum/s/${t.spaceId}`}>{s ? `Back to ${s.name}` : 'Back to the space'}</a>
      </p>
      <p class="topic-meta muted">
        Started by {t.author.displayName} on {formatDate(t.createdAt)}
        {t.phase ? ` · ${phaseLabel(t.phase)}` : ''} · {stateLabel(t.state)}
        {t.state === 'slow' && t.slowModeSeconds ? ` (one post each ${t.slowModeSeconds} seconds)` : ''}
      </p>
      {t.tags.length > 0 && (
        <ul class="tags" aria-label="Tags">
          {t.tags.map((tag) => (
            <li key={tag} class="tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
      {t.state !== 'open' && <p class="notice notice-info">{stateNotice(t.state)}</p>}

      {hasNotes && (
        <div class="notice notice-info content-notes">
          <p>
            <strong>Content notes:</strong> {t.contentNotes.join('; ')}
          </p>
          <button type="button" class="button button-small button-secondary" aria-expanded={notesShown ? 'true' : 'false'} aria-controls="posts" onClick={() => setNotesShown(!notesShown)}>
            {notesShown ? 'Hide' : 'Show'}
          </button>
        </div>
      )}

      <section id="posts" aria-labelledby="posts-title" class="section" aria-busy={postsLoading ? 'true' : 'false'}>
        <h2 id="posts-title" class="visually-hidden">
          Posts
        </h2>
        <p role="status" class="visually-hidden">
          {announcement}
        </p>
        <FormStatus error={postsError} />
        {showPosts ? (
          <ol class="post-list">
            {posts.map((post) => (
              <li key={post.id}>
                <PostItem post={post} canModerate={canModerate} onChange={(p) => setPosts((prev) => merge(prev, [p]))} onQuote={quote} />
              </li>
            ))}
          </ol>
        ) : (
          <p class="muted">The posts are hidden until you choose to show them.</p>
        )}
        {postsLoading && <Loading what="Loading posts" />}
        {!postsLoading && nextAfter !== null && (
          <div class="actions center">
            <button type="button" class="button button-secondary" onClick={() => fetchPosts(nextAfter)}>
              Load more posts
            </button>
          </div>
        )}
        <p class="muted live-state">{live === 'live' ? 'New replies appear here as they are posted.' : live === 'offline' ? 'Live updates are paused; reload to see new replies.' : ''}</p>
      </section>

      {canModerate && <TemperatureControl topic={t} onChanged={(next) => topic.setData(() => next)} />}

      {s &&
        (blocked ? null : needsAgreement(s) ? (
          <AgreementGate spaceId={s.id} onAccepted={(version) => space.setData((c) => c && { ...c, acceptedAgreementVersion: version })} />
        ) : (
          <ReplyForm
            topicId={t.id}
            space={s}
            draft={draft}
            setDraft={setDraft}
            onPosted={(post) => setPosts((prev) => merge(prev, [post]))}
            onAgreementNeeded={() => space.setData((c) => c && { ...c, acceptedAgreementVersion: null })}
          />
        ))}
    </Page>
  );
}

function stateNotice(state: string): string {
  if (state === 'slow') return 'Slow mode is on: a facilitator has asked everyone to take more time between posts.';
  if (state === 'paused') return 'A facilitator has paused this conversation for now.';
  if (state === 'closed') return 'This topic is closed to new replies.';
  return '';
}

function textOf(html: string | null): string {
  if (!html) return '';
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return (doc.body.textContent ?? '').trim();
}

interface PostItemProps {
  post: Post;
  canModerate: boolean;
  onChange: (post: Post) => void;
  onQuote: (post: Post) => void;
}

function PostItem({ post, canModerate, onChange, onQuote }: PostItemProps) {
  const action = useAction();
  const [hiding, setHiding] = useState(false);
  const [flagging, setFlagging] = useState(false);
  const [revealing, setRevealing] = useState(false);
  const [revealed, setRevealed] = useState<string | null>(null);
  const headingId = `post-${post.postNumber}`;

  async function react(kind: ReactionKind) {
    await action.run(async () => {
      const mine = post.myReactions ?? [];
      if (mine.includes(kind)) {
        await api.delete(`/posts/${enc(post.id)}/reactions/${kind}`);
        onChange(await api.get<Post>(`/posts/${enc(post.id)}`));
      } else {
        onChange(await api.post<Post>(`/posts/${enc(post.id)}/reactions`, { kind }));
      }
    });
  }

  async function restore() {
    await action.run(async () => onChange(await api.post<Post>(`/posts/${enc(post.id)}/restore`)));
  }

  return (
    <article class="card post" aria-labelledby={headingId} data-post-number={post.postNumber}>
      <header class="post-head">
        <h3 id={headingId} class="post-author">
          {post.author.displayName}
          {post.author.anonymous && <span class="visually-hidden"> (anonymous)</span>}
          {revealed && <span class="revealed-author"> · revealed: {revealed}</span>}
        </h3>
        <p class="muted post-meta">
          <span>#{post.postNumber}</span> · <time dateTime={post.createdAt}>{formatDate(post.createdAt, true)}</time>
          {post.edited && ' · edited'}
          {post.replyToPostNumber ? ` · in reply to #${post.replyToPostNumber}` : ''}
        </p>
      </header>
      {post.status === 'hidden' && <p class="notice notice-info">Hidden by a facilitator: {post.hiddenReason ?? 'no reason given'}</p>}
      {post.status === 'deleted' && <p class="muted">This post was deleted by its author.</p>}
      {post.status === 'pending' && <p class="notice notice-info">Waiting for a facilitator's approval. Only you and the facilitators can see it.</p>}
      {/* The server renders Markdown and sanitizes the HTML before it leaves. */}
      {post.html && <div class={`post-body${post.status === 'hidden' ? ' post-body-hidden' : ''}`} dangerouslySetInnerHTML={{ __html: post.html }} />}
      {post.status === 'visible' && (
        <div class="post-actions">
          <ul class="reactions" aria-label={`Reactions to post ${post.postNumber}`}>
            {REACTIONS.map((r) => {
              const count = post.reactions[r.kind] ?? 0;
              const pressed = (post.myReactions ?? []).includes(r.kind);
              return (
                <li key={r.kind}>
                  <button type="button" class="reaction" aria-pressed={pressed ? 'true' : 'false'} onClick={() => react(r.kind)}>
                    <span aria-hidden="true">{r.symbol}</span> {r.label} <span class="reaction-count">{count}</span>
                  </button>
                </li>
              );
            })}
          </ul>
          <button type="button" class="button button-small button-secondary" onClick={() => onQuote(post)}>
            Quote<span class="visually-hidden"> post {post.postNumber}</span>
          </button>
          {canModerate && (
            <button type="button" class="button button-small button-secondary" aria-expanded={hiding ? 'true' : 'false'} onClick={() => setHiding(!hiding)}>
              Hide<span class="visually-hidden"> post {post.postNumber}</span>
            </button>
          )}
          {!post.mine && (
            <button type="button" class="button button-small button-secondary" aria-expanded={flagging ? 'true' : 'false'} onClick={() => setFlagging(!flagging)}>
              Flag<span class="visually-hidden"> post {post.postNumber}</span>
            </button>
          )}
          {canModerate && post.author.anonymous && !revealed && (
            <button type="button" class="button button-small button-secondary" aria-expanded={revealing ? 'true' : 'false'} onClick={() => setRevealing(!revealing)}>
              Reveal author<span class="visually-hidden"> of post {post.postNumber}</span>
            </button>
          )}
        </div>
      )}
      {flagging && !post.mine && <FlagForm post={post} onClose={() => setFlagging(false)} />}
      {revealing && canModerate && post.author.anonymous && <RevealForm post={post} onRevealed={(author) => setRevealed(author.displayName)} />}
      {canModerate && post.status === 'hidden' && (
        <div class="post-actions">
          <button type="button" class="button button-small button-secondary" onClick={restore}>
            Restore<span class="visually-hidden"> post {post.postNumber}</span>
          </button>
        </div>
      )}
      {hiding && post.status === 'visible' && (
        <HideForm
          post={post}
          onDone={(p) => {
            setHiding(false);
            onChange(p);
          }}
        />
      )}
      <FormStatus error={action.error} />
    </article>
  );
}

function HideForm({ post, onDone }: { post: Post; onDone: (post: Post) => void }) {
  const form = useSubmit();
  const send = form.onSubmit((data) => {
    const reason = String(data.get('reason') ?? '').trim();
    if (form.invalid(reason ? {} : { reason: 'Give a reason; the author and readers will see it.' }, 'A reason is needed to hide a post.')) return;
    return form.submit(async () => onDone(await api.post<Post>(`/posts/${enc(post.id)}/hide`, { reason })));
  });
  return (
    <form class="inline-form" ref={form.formRef} onSubmit={send} noValidate>
      <TextField label={`Reason for hiding post ${post.postNumber}`} name="reason" maxLength={500} error={form.fields.reason} />
      <div class="actions">
        <SubmitButton busy={form.busy} secondary>
          Hide post
        </SubmitButton>
      </div>
      <FormStatus error={form.error} />
    </form>
  );
}

function TemperatureControl({ topic, onChanged }: { topic: Topic; onChanged: (topic: Topic) => void }) {
  const form = useSubmit();
  const [state, setState] = useState<string>(topic.state);
  const send = form.onSubmit((data) => {
    const reason = String(data.get('reason') ?? '').trim();
    const seconds = Number.parseInt(String(data.get('slowModeSeconds') ?? ''), 10);
    const problems: Record<string, string> = {};
    if (!reason) problems.reason = 'Give a reason; it is posted in the topic for everyone.';
    if (state === 'slow' && !(seconds >= 1 && seconds <= 86400)) problems.slowModeSeconds = 'Enter a number of seconds from 1 to 86400.';
    if (form.invalid(problems, 'Please check the temperature settings.')) return;
    return form.submit(async () => {
      const next = await api.post<Topic>(`/topics/${enc(topic.id)}/state`, { state, reason, ...(state === 'slow' ? { slowModeSeconds: seconds } : {}) });
      onChanged(next);
      return `The topic is now: ${stateLabel(next.state).toLowerCase()}.`;
    });
  });
  return (
    <section class="card" aria-labelledby="temperature-title">
      <h2 id="temperature-title">Temperature control</h2>
      <p class="muted">Only facilitators see this. Your reason is posted in the topic as a visible note.</p>
      <form class="form" ref={form.formRef} onSubmit={send} noValidate>
        <SelectField
          label="State"
          name="state"
          value={state}
          onChange={(event) => setState((event.currentTarget as HTMLSelectElement).value)}
          options={[
            { value: 'open', label: 'Open' },
            { value: 'slow', label: 'Slow mode' },
            { value: 'paused', label: 'Paused' },
            { value: 'closed', label: 'Closed' },
          ]}
        />
        <TextField label="Reason" name="reason" maxLength={500} error={form.fields.reason} />
        {state === 'slow' && (
          <TextField
            label="Seconds between posts"
            name="slowModeSeconds"
            type="number"
            inputMode="numeric"
            min={1}
            max={86400}
            defaultValue={String(topic.slowModeSeconds ?? 60)}
            error={form.fields.slowModeSeconds}
          />
        )}
        <FormStatus error={form.error} success={form.message} />
        <div class="actions">
          <SubmitButton busy={form.busy} secondary>
            Change state
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}

interface ReplyFormProps {
  topicId: string;
  space: Space;
  draft: string;
  setDraft: (text: string) => void;
  onPosted: (post: Post) => void;
  onAgreementNeeded: () => void;
}

function ReplyForm({ topicId, space, draft, setDraft, onPosted, onAgreementNeeded }: ReplyFormProps) {
  const form = useSubmit();
  const [anonymous, setAnonymous] = useState(false);
  const send = form.onSubmit(() => {
    if (form.invalid(draft.trim() ? {} : { body: 'Write your reply first.' }, 'Your reply is empty.')) return;
    return form.submit(async () => {
      try {
        const post = await api.post<Post>(`/topics/${enc(topicId)}/posts`, { body: draft, ...(anonymous ? { anonymous: true } : {}) });
        onPosted(post);
        setDraft('');
        return post.status === 'pending' ? 'Your reply was sent and is waiting for a facilitator to approve it.' : 'Your reply was posted.';
      } catch (failure) {
        if (failure instanceof ApiError && failure.code === 'AGREEMENT_NOT_ACCEPTED') onAgreementNeeded();
        throw failure;
      }
    });
  });
  return (
    <section class="card" aria-labelledby="reply-title">
      <h2 id="reply-title">Add a reply</h2>
      <form class="form" ref={form.formRef} onSubmit={send} noValidate>
        <MarkdownComposer
          label="Reply"
          name="body"
          rows={6}
          value={draft}
          onInput={setDraft}
          id={REPLY_ID}
          error={form.fields.body}
          previewPath={`/topics/${enc(topicId)}/preview`}
        />
        {space.settings.allowAnonymous && <AnonymousCheckbox checked={anonymous} onChange={setAnonymous} />}
        <FormStatus error={form.error} success={form.message} />
        <div class="actions">
          <SubmitButton busy={form.busy} busyLabel="Posting…">
            Post reply
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
