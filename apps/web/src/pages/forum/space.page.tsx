import { useEffect, useRef, useState } from 'preact/hooks';
import { io, type Socket } from 'socket.io-client';
import { TextField } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { SubmitButton } from '../../components/submit-button';
import { api, ApiError } from '../../lib/api';
import type { Space, Topic } from '../../lib/forum-types';
import { parseList } from '../../lib/labels';
import { navigate } from '../../lib/router';
import type { Me, Page as ListPage } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { useSubmit } from '../../lib/use-submit';
import { MarkdownComposer } from './markdown-composer';
import { AgreementGate, AnonymousCheckbox, needsAgreement, phaseLabel, scopeLabel, TopicSummary } from './forum-ui';

const PAGE_SIZE = 20;

export function SpacePage({ id, me }: { id: string; me: Me }) {
  const space = useLoad(() => api.get<Space>(`/spaces/${encodeURIComponent(id)}`), [id]);
  const [topics, setTopics] = useState<Topic[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const firstNew = useRef<HTMLLIElement>(null);

  async function fetchTopics(after: string | null) {
    setLoading(true);
    setError(null);
    try {
      const page = await api.get<ListPage<Topic>>('/topics', { spaceId: id, cursor: after, limit: PAGE_SIZE });
      const items = page.items ?? [];
      setFocusIndex(after ? topics.length : null);
      setTopics((prev) => (after ? [...prev, ...items] : items));
      setCursor(page.nextCursor ?? null);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    void fetchTopics(null);
  }, [id]);

  // New topics are announced, not inserted: the list under the reader's eyes does not jump.
  const [newTopics, setNewTopics] = useState(0);
  useEffect(() => {
    setNewTopics(0);
    const socket: Socket = io({ path: '/realtime', withCredentials: true });
    const join = () => socket.emit('space:join', { spaceId: id });
    socket.on('connect', join);
    socket.on('topic:created', () => setNewTopics((count) => count + 1));
    return () => {
      socket.emit('space:leave', { spaceId: id });
      socket.disconnect();
    };
  }, [id]);

  function showNewTopics() {
    setNewTopics(0);
    void fetchTopics(null);
  }

  // Keyboard users land on the first topic that "Load more" brought in.
  useEffect(() => {
    if (focusIndex !== null) firstNew.current?.querySelector('a')?.focus();
  }, [focusIndex]);

  if (space.loading || !space.data) {
    const missing = space.error instanceof ApiError && [400, 404].includes(space.error.status);
    return (
      <Page title={missing ? 'Space not found' : 'Forum space'}>
        {space.loading ? <Loading what="Loading the space" /> : missing ? <p>We could not find that space, or it is not open to you.</p> : <FormStatus error={space.error} />}
        <p>
          <a href="/forum">Back to the forum</a>
        </p>
      </Page>
    );
  }

  const s = space.data;
  const accepted = (version: number) => space.setData((current) => current && { ...current, acceptedAgreementVersion: version });
  const showGate = () => space.setData((current) => current && { ...current, acceptedAgreementVersion: null });
  const mayStart = s.settings.whoMayStart === 'everyone' || s.isFacilitator;

  return (
    <Page title={s.name}>
      <p class="page-intro">
        <a href="/forum">Back to the forum</a>
      </p>
      {s.description && <p>{s.description}</p>}
      <p class="topic-meta muted">
        {scopeLabel(s.scope, me)}
        {s.phase ? ` · ${phaseLabel(s.phase)}` : ''}
        {s.isFacilitator ? ' · You facilitate this space' : ''}
      </p>

      <section aria-labelledby="topics-title" class="section" aria-busy={loading ? 'true' : 'false'}>
        <h2 id="topics-title">Topics</h2>
        <div aria-live="polite">
          {newTopics > 0 && (
            <button type="button" class="button button-secondary new-topics" onClick={showNewTopics}>
              {newTopics === 1 ? '1 new topic' : `${newTopics} new topics`} — show
            </button>
          )}
        </div>
        <FormStatus error={error} />
        {!loading && !error && topics.length === 0 && <p class="muted">No topics yet. You could start the first one.</p>}
        {topics.length > 0 && (
          <ul class="topic-list">
            {topics.map((topic, i) => (
              <li key={topic.id} ref={i === focusIndex ? firstNew : undefined}>
                <TopicSummary topic={topic} />
              </li>
            ))}
          </ul>
        )}
        {loading && <Loading what="Loading topics" />}
        {!loading && cursor && (
          <div class="actions center">
            <button type="button" class="button button-secondary" onClick={() => fetchTopics(cursor)}>
              Load more
            </button>
          </div>
        )}
      </section>

      {mayStart ? (
        needsAgreement(s) ? (
          <AgreementGate spaceId={s.id} onAccepted={accepted} />
        ) : (
          <NewTopicForm space={s} onAgreementNeeded={showGate} />
        )
      ) : (
        <p class="muted">Only this space's facilitators start topics here. You can reply to any open topic.</p>
      )}
    </Page>
  );
}

function NewTopicForm({ space, onAgreementNeeded }: { space: Space; onAgreementNeeded: () => void }) {
  const form = useSubmit();

  const send = form.onSubmit((data) => {
    const title = String(data.get('title') ?? '').trim();
    const body = String(data.get('body') ?? '');
    const problems: Record<string, string> = {};
    if (!title) problems.title = 'Enter a title.';
    if (!body.trim()) problems.body = 'Write something to start the conversation.';
    if (form.invalid(problems, 'Please check the topic before posting.')) return;
    const tags = parseList(String(data.get('tags') ?? ''));
    const contentNotes = parseList(String(data.get('contentNotes') ?? ''));
    return form.submit(async () => {
      try {
        const topic = await api.post<Topic>(`/spaces/${encodeURIComponent(space.id)}/topics`, {
          title,
          body,
          ...(tags.length ? { tags } : {}),
          ...(contentNotes.length ? { contentNotes } : {}),
          ...(space.settings.allowAnonymous && data.get('anonymous') ? { anonymous: true } : {}),
        });
        navigate(`/forum/t/${topic.id}`);
      } catch (failure) {
        if (failure instanceof ApiError && failure.code === 'AGREEMENT_NOT_ACCEPTED') onAgreementNeeded();
        throw failure;
      }
    });
  });

  return (
    <section class="card" aria-labelledby="new-topic-title">
      <h2 id="new-topic-title">New topic</h2>
      <form class="form" ref={form.formRef} onSubmit={send} noValidate>
        <TextField label="Title" name="title" maxLength={200} required error={form.fields.title} />
        <MarkdownComposer label="Body" name="body" rows={8} required error={form.fields.body} previewPath={`/spaces/${encodeURIComponent(space.id)}/preview`} />
        <TextField label="Tags (comma-separated)" name="tags" optional hint="Up to 10, for example: curriculum, assessment." error={form.fields.tags} />
        <TextField
          label="Content notes (comma-separated)"
          name="contentNotes"
          optional
          hint="Shown before the topic so readers can choose when to read it, for example: discusses racial violence."
          error={form.fields.contentNotes}
        />
        {space.settings.allowAnonymous && <AnonymousCheckbox />}
        <FormStatus error={form.error} />
        <div class="actions">
          <SubmitButton busy={form.busy} busyLabel="Posting…">
            Post topic
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
