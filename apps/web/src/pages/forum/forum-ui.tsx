import { useState } from 'preact/hooks';
import { Checkbox } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { api } from '../../lib/api';
import type { Agreement, Space, Topic } from '../../lib/forum-types';
import { formatDate } from '../../lib/labels';
import type { Me } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { phaseLabel } from './phases';

export const ANONYMOUS_NOTE =
  "Other members will see a pseudonym such as 'Participant 3'. Your identity is stored; only this space's facilitators can reveal it, with a recorded reason.";

/** The "Post anonymously" choice, with the note that says exactly who can still learn who wrote it. */
export function AnonymousCheckbox({ checked, onChange }: { checked?: boolean; onChange?: (value: boolean) => void }) {
  return (
    <Checkbox
      label="Post anonymously"
      name="anonymous"
      hint={ANONYMOUS_NOTE}
      checked={checked}
      onChange={onChange ? (event) => onChange((event.currentTarget as HTMLInputElement).checked) : undefined}
    />
  );
}

/** The space's scope in words the person recognises: their school, cohort or group by name where known. */
export function scopeLabel(scope: string, me: Me): string {
  if (scope === 'consortium') return 'Whole consortium';
  const [kind, id] = scope.split(':');
  if (kind === 'inst') return me.institution?.id === id ? `School: ${me.institution.name}` : 'School';
  if (kind === 'cohort') {
    const cohort = me.cohorts.find((c) => c.id === id);
    return cohort ? `Cohort: ${cohort.name}` : 'Cohort';
  }
  if (kind === 'group') {
    const group = me.groups.find((g) => g.id === id);
    return group ? `Group: ${group.name}` : 'Group';
  }
  return scope;
}

export { phaseLabel } from './phases';

export function needsAgreement(space: Space): boolean {
  return !!space.agreementVersion && space.acceptedAgreementVersion !== space.agreementVersion;
}

/**
 * The space's community agreements, which a member accepts before they can post. `onAccepted` gets the
 * version accepted, so the page can show the form it was holding back.
 */
export function AgreementGate({ spaceId, onAccepted }: { spaceId: string; onAccepted: (version: number) => void }) {
  const agreement = useLoad(() => api.get<Agreement>(`/spaces/${encodeURIComponent(spaceId)}/agreement`), [spaceId]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function accept() {
    if (!agreement.data) return;
    setBusy(true);
    setError(null);
    try {
      await api.post(`/spaces/${encodeURIComponent(spaceId)}/agreement/accept`, { version: agreement.data.version });
      onAccepted(agreement.data.version);
    } catch (failure) {
      setError(failure);
      // A newer version may have been published meanwhile; show that one.
      agreement.reload();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card agreement" aria-labelledby="agreement-title">
      <h2 id="agreement-title">Community agreements</h2>
      <p>Before you post in this space, please read and accept the agreements its members share.</p>
      {agreement.loading && <Loading what="Loading the agreements" />}
      {agreement.data && (
        <>
          <div class="agreement-text prewrap">{agreement.data.body}</div>
          <p class="muted">
            Version {agreement.data.version}
            {agreement.data.publishedAt && `, published ${formatDate(agreement.data.publishedAt)}`}
          </p>
          <div class="actions">
            <button type="button" class="button" onClick={accept} disabled={busy}>
              I accept these agreements
            </button>
          </div>
        </>
      )}
      <FormStatus error={error ?? agreement.error} />
    </section>
  );
}

/** Where a tag leads by default: the forum's topics with that tag. */
export const tagHref = (tag: string) => `/forum?tag=${encodeURIComponent(tag)}`;

interface TopicSummaryProps {
  topic: Topic;
  showNew?: boolean;
  /** The space's name, where the list mixes spaces. */
  spaceName?: string;
  /** Filters in place instead of following the tag's link (the forum home); new-tab clicks still follow it. */
  onTag?: (tag: string) => void;
}

/** One topic in a list: what it is, who started it, and what is new in it for this person. */
export function TopicSummary({ topic, showNew = true, spaceName, onTag }: TopicSummaryProps) {
  const followTag = (tag: string) => (event: MouseEvent) => {
    if (!onTag || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onTag(tag);
  };
  return (
    <article class="topic-summary">
      <h3 class="topic-title">
        <a href={`/forum/t/${topic.id}`}>{topic.title}</a>
        {topic.kind === 'question' && <span class="badge">{topic.answerPostNumber ? 'Answered' : 'Question'}</span>}
        {showNew && topic.isNew && <span class="badge badge-new">New</span>}
        {showNew && !topic.isNew && !!topic.unreadCount && (
          <span class="badge badge-new">
            {topic.unreadCount} unread
          </span>
        )}
      </h3>
      <p class="topic-meta muted">
        {spaceName && (
          <>
            In <a href={`/forum/s/${topic.spaceId}`}>{spaceName}</a> ·{' '}
          </>
        )}
        Started by {topic.author.displayName} · {topic.replyCount} {topic.replyCount === 1 ? 'reply' : 'replies'}
        {topic.bumpedAt ? ` · Last activity ${formatDate(topic.bumpedAt)}` : ''}
        {topic.phase ? ` · ${phaseLabel(topic.phase)}` : ''}
        {topic.state !== 'open' ? ` · ${stateLabel(topic.state)}` : ''}
      </p>
      {(topic.contentNotes.length > 0 || topic.tags.length > 0) && (
        <ul class="tags" aria-label="Content notes and tags">
          {topic.contentNotes.map((note) => (
            <li key={`n-${note}`} class="tag tag-note">
              Content note: {note}
            </li>
          ))}
          {topic.tags.map((tag) => (
            <li key={`t-${tag}`}>
              <a class="tag tag-link" href={tagHref(tag)} aria-label={`Topics tagged ${tag}`} onClick={followTag(tag)}>
                {tag}
              </a>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

export function stateLabel(state: string): string {
  return { open: 'Open', slow: 'Slow mode', paused: 'Paused', closed: 'Closed' }[state] ?? state;
}
