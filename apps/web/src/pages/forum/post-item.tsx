import { useRef, useState } from 'preact/hooks';
import { FormStatus } from '../../components/form-status';
import { api } from '../../lib/api';
import type { Post, ReactionKind } from '../../lib/forum-types';
import { formatDate } from '../../lib/labels';
import { useAction } from '../../lib/use-submit';
import { DeleteConfirm, EditPostForm, RevisionHistory } from './post-author-tools';
import { BookmarkButton, ReminderForm } from './post-bookmark';
import { FlagForm, RevealForm } from './post-flags';
import { HideForm } from './post-moderation';
import { PostReactions, toggleReaction } from './post-reactions';

const enc = encodeURIComponent;

/** What a post needs to know about its topic and the reader to offer the right actions. */
export interface PostContext {
  canModerate: boolean;
  /** The topic is closed or paused for this reader: no edits. */
  frozen: boolean;
  isQuestion: boolean;
  /** The topic's author or a moderator, in a question topic. */
  canChooseAnswer: boolean;
  answerPostNumber: number | null;
  setAnswer: (postNumber: number | null) => Promise<void>;
}

type Panel = 'edit' | 'delete' | 'reminder' | 'hide' | 'flag' | 'reveal' | null;

interface PostItemProps {
  post: Post;
  context: PostContext;
  onChange: (post: Post) => void;
  onQuote: (post: Post) => void;
}

/** The article id is the `#post-N` target of quotes, the answer link and "jump to first unread". */
export const postAnchor = (postNumber: number) => `post-${postNumber}`;

export function PostItem({ post, context, onChange, onQuote }: PostItemProps) {
  const { canModerate } = context;
  const action = useAction();
  const [panel, setPanel] = useState<Panel>(null);
  const [showRevisions, setShowRevisions] = useState(false);
  const [revealed, setRevealed] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const n = post.postNumber;
  const anchor = postAnchor(n);
  const headingId = `${anchor}-author`;
  const visible = post.status === 'visible';
  const isAnswer = context.isQuestion && context.answerPostNumber === n;
  const authorMayChange = !!post.mine && (visible || post.status === 'pending') && !context.frozen;
  const mayChooseAnswer = visible && context.isQuestion && context.canChooseAnswer && n > 1;
  const maySeeRevisions = post.edited && (!!post.mine || canModerate);
  const toggle = (next: Exclude<Panel, null>) => setPanel(panel === next ? null : next);
  const closeAndFocus = (button: HTMLButtonElement | null) => {
    setPanel(null);
    // The button that opened the panel takes focus back, so keyboard users stay where they were.
    window.setTimeout(() => button?.focus(), 0);
  };
  const hidden = <span class="visually-hidden"> post {n}</span>;

  const react = (kind: ReactionKind) => action.run(async () => onChange(await toggleReaction(post, kind)));
  const restore = () => action.run(async () => onChange(await api.post<Post>(`/posts/${enc(post.id)}/restore`)));
  const chooseAnswer = (answer: boolean) =>
    action.run(async () => {
      await context.setAnswer(answer ? n : null);
      return answer ? `Post ${n} is now the answer.` : `Post ${n} is no longer the answer.`;
    });

  return (
    <article id={anchor} tabIndex={-1} class={`card post${isAnswer ? ' post-answer' : ''}`} aria-labelledby={headingId} data-post-number={n}>
      <header class="post-head">
        <h3 id={headingId} class="post-author">
          {post.author.displayName}
          {post.author.anonymous && <span class="visually-hidden"> (anonymous)</span>}
          {revealed && <span class="revealed-author"> · revealed: {revealed}</span>}
        </h3>
        <p class="muted post-meta">
          <span>#{n}</span> · <time dateTime={post.createdAt}>{formatDate(post.createdAt, true)}</time>
          {post.edited && ' · edited'}
          {post.replyToPostNumber ? ` · in reply to #${post.replyToPostNumber}` : ''}
        </p>
        {isAnswer && <span class="badge badge-answer">Answer</span>}
      </header>
      {post.status === 'hidden' && <p class="notice notice-info">Hidden by a facilitator: {post.hiddenReason ?? 'no reason given'}</p>}
      {post.status === 'deleted' && <p class="muted">This post was deleted by its author.</p>}
      {post.status === 'pending' && <p class="notice notice-info">Waiting for a facilitator's approval. Only you and the facilitators can see it.</p>}
      {panel === 'edit' ? (
        <EditPostForm
          post={post}
          onSaved={(saved) => {
            onChange(saved);
            closeAndFocus(editButton.current);
          }}
          onCancel={() => closeAndFocus(editButton.current)}
        />
      ) : (
        // The server renders Markdown and sanitizes the HTML before it leaves.
        post.html && <div class={`post-body${post.status === 'hidden' ? ' post-body-hidden' : ''}`} dangerouslySetInnerHTML={{ __html: post.html }} />
      )}
      <div class="post-actions">
        {visible && <PostReactions post={post} onReact={react} />}
        {visible && (
          <button type="button" class="button button-small button-secondary" onClick={() => onQuote(post)}>
            Quote{hidden}
          </button>
        )}
        {visible && <BookmarkButton post={post} onChange={onChange} run={action.run} />}
        {visible && (
          <button type="button" class="button button-small button-secondary" aria-expanded={panel === 'reminder' ? 'true' : 'false'} onClick={() => toggle('reminder')}>
            Reminder<span class="visually-hidden"> for post {n}</span>
          </button>
        )}
        {mayChooseAnswer && (
          <button type="button" class="button button-small button-secondary" onClick={() => chooseAnswer(!isAnswer)}>
            {isAnswer ? 'Unmark answer' : 'Mark as answer'}
            <span class="visually-hidden"> (post {n})</span>
          </button>
        )}
        {authorMayChange && (
          <button type="button" ref={editButton} class="button button-small button-secondary" aria-expanded={panel === 'edit' ? 'true' : 'false'} onClick={() => toggle('edit')}>
            Edit{hidden}
          </button>
        )}
        {authorMayChange && n > 1 && (
          <button type="button" ref={deleteButton} class="button button-small button-secondary" aria-expanded={panel === 'delete' ? 'true' : 'false'} onClick={() => toggle('delete')}>
            Delete{hidden}
          </button>
        )}
        {maySeeRevisions && (
          <button
            type="button"
            class="button button-small button-secondary"
            aria-expanded={showRevisions ? 'true' : 'false'}
            aria-controls={`${anchor}-revisions`}
            onClick={() => setShowRevisions(!showRevisions)}
          >
            Revisions<span class="visually-hidden"> of post {n}</span>
          </button>
        )}
        {canModerate && visible && (
          <button type="button" class="button button-small button-secondary" aria-expanded={panel === 'hide' ? 'true' : 'false'} onClick={() => toggle('hide')}>
            Hide{hidden}
          </button>
        )}
        {canModerate && post.status === 'hidden' && (
          <button type="button" class="button button-small button-secondary" onClick={restore}>
            Restore{hidden}
          </button>
        )}
        {!post.mine && visible && (
          <button type="button" class="button button-small button-secondary" aria-expanded={panel === 'flag' ? 'true' : 'false'} onClick={() => toggle('flag')}>
            Flag{hidden}
          </button>
        )}
        {canModerate && visible && post.author.anonymous && !revealed && (
          <button type="button" class="button button-small button-secondary" aria-expanded={panel === 'reveal' ? 'true' : 'false'} onClick={() => toggle('reveal')}>
            Reveal author<span class="visually-hidden"> of post {n}</span>
          </button>
        )}
      </div>
      {panel === 'reminder' && visible && <ReminderForm post={post} onSaved={onChange} />}
      {panel === 'delete' && authorMayChange && (
        <DeleteConfirm
          post={post}
          onDeleted={(gone) => {
            setPanel(null);
            onChange(gone);
          }}
          onCancel={() => closeAndFocus(deleteButton.current)}
        />
      )}
      {panel === 'flag' && !post.mine && <FlagForm post={post} onClose={() => setPanel(null)} />}
      {panel === 'reveal' && canModerate && post.author.anonymous && <RevealForm post={post} onRevealed={(author) => setRevealed(author.displayName)} />}
      {panel === 'hide' && visible && (
        <HideForm
          post={post}
          onDone={(p) => {
            setPanel(null);
            onChange(p);
          }}
        />
      )}
      {showRevisions && maySeeRevisions && <RevisionHistory post={post} id={`${anchor}-revisions`} />}
      <FormStatus error={action.error} success={action.message} />
    </article>
  );
}
