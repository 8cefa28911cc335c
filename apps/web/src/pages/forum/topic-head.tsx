import type { Space, Topic } from '../../lib/forum-types';
import { formatDate } from '../../lib/labels';
import { phaseLabel, stateLabel } from './forum-ui';
import { postAnchor } from './post-item';

interface TopicHeadProps {
  topic: Topic;
  space: Space | undefined;
  /** The first post this reader had not read when the page opened; null when nothing was unread. */
  firstUnread: number | null;
  goToPost: (postNumber: number) => void;
}

function stateNotice(topic: Topic): string {
  if (topic.archived) return 'This topic is archived: it is kept for reading and takes no new replies.';
  if (topic.state === 'slow') return 'Slow mode is on: a facilitator has asked everyone to take more time between posts.';
  if (topic.state === 'paused') return 'A facilitator has paused this conversation for now.';
  if (topic.state === 'closed') return 'This topic is closed to new replies.';
  return '';
}

const PIN_LABELS = { none: '', space: 'Pinned in this space', global: 'Pinned across the forum' };

/** A same-page link that also loads the posts before the target, which a plain `#post-N` could not. */
function PostLink({ postNumber, goToPost, children }: { postNumber: number; goToPost: (n: number) => void; children: string }) {
  return (
    <a
      href={`#${postAnchor(postNumber)}`}
      onClick={(event) => {
        event.preventDefault();
        goToPost(postNumber);
      }}
    >
      {children}
    </a>
  );
}

/** Who started the topic, its state and labels, and the ways into it: first unread and the accepted answer. */
export function TopicHead({ topic: t, space, firstUnread, goToPost }: TopicHeadProps) {
  const badges = [PIN_LABELS[t.pinned] ?? '', t.archived ? 'Archived' : '', t.unlisted ? 'Unlisted' : '', t.kind === 'question' ? 'Question' : ''].filter(Boolean);
  const notice = stateNotice(t);
  return (
    <>
      <p class="page-intro">
        <a href={`/forum/s/${t.spaceId}`}>{space ? `Back to ${space.name}` : 'Back to the space'}</a>
      </p>
      <p class="topic-meta muted">
        Started by {t.author.displayName} on {formatDate(t.createdAt)}
        {t.phase ? ` · ${phaseLabel(t.phase)}` : ''} · {stateLabel(t.state)}
        {t.state === 'slow' && t.slowModeSeconds ? ` (one post each ${t.slowModeSeconds} seconds)` : ''}
      </p>
      {badges.length > 0 && (
        <ul class="tags topic-badges" aria-label="About this topic">
          {badges.map((badge) => (
            <li key={badge} class="badge">
              {badge}
            </li>
          ))}
        </ul>
      )}
      {t.tags.length > 0 && (
        <ul class="tags" aria-label="Tags">
          {t.tags.map((tag) => (
            <li key={tag} class="tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
      {notice && <p class="notice notice-info">{notice}</p>}
      {(firstUnread !== null || t.kind === 'question') && (
        <ul class="inline-links topic-jumps">
          {firstUnread !== null && (
            <li>
              <PostLink postNumber={firstUnread} goToPost={goToPost}>
                Jump to first unread
              </PostLink>
            </li>
          )}
          {t.kind === 'question' && (
            <li>
              {t.answerPostNumber ? (
                <PostLink postNumber={t.answerPostNumber} goToPost={goToPost}>{`Answered: see post #${t.answerPostNumber}`}</PostLink>
              ) : (
                <span class="muted">No answer chosen yet.</span>
              )}
            </li>
          )}
        </ul>
      )}
    </>
  );
}

interface ContentNotesProps {
  notes: string[];
  /** The reader's preference: posts stay folded behind the notes until they choose to see them. */
  collapsed: boolean;
  shown: boolean;
  toggleId: string;
  onToggle: () => void;
}

/** The topic's content notes, always said before the posts; folding the posts is the reader's choice. */
export function ContentNotesBanner({ notes, collapsed, shown, toggleId, onToggle }: ContentNotesProps) {
  return (
    <div class="notice notice-info content-notes">
      <p>
        <strong>Content notes:</strong> {notes.join('; ')}
      </p>
      {collapsed && (
        <button type="button" id={toggleId} class="button button-small button-secondary" aria-expanded={shown ? 'true' : 'false'} aria-controls="posts" onClick={onToggle}>
          {shown ? 'Hide' : 'Show'}
        </button>
      )}
    </div>
  );
}
