import { useState } from 'preact/hooks';
import { SelectField, TextArea, TextField } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { SubmitButton } from '../../components/submit-button';
import { api } from '../../lib/api';
import { navigate } from '../../lib/router';
import type { Me } from '../../lib/types';
import { useSubmit } from '../../lib/use-submit';
import { scopeLabel } from '../forum/forum-ui';
import { PagedItems, usePagedList } from '../forum/paged-list';
import { PHASE_OPTIONS, phaseLabel } from '../forum/phases';
import { collectionHref, scopeOptions } from './knowledge-labels';
import type { Collection } from './knowledge-types';

/** The collections tab: curated, ordered reading lists, and the form to start one. */
export function CollectionList({ me, phase }: { me: Me; phase: number | null }) {
  const list = usePagedList<Collection>('/knowledge/collections', { phase }, 20);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <div class="actions">
        <button type="button" class="button button-secondary" aria-expanded={creating ? 'true' : 'false'} onClick={() => setCreating(!creating)}>
          New collection
        </button>
      </div>
      {creating && <NewCollectionForm me={me} />}
      <PagedItems
        list={list}
        label="Collections"
        empty={<p>{phase ? 'No collections for this phase.' : 'No collections yet.'}</p>}
        keyOf={(c) => c.id}
        render={(c) => (
          <article class="topic-summary">
            <h3 class="topic-title">
              <a href={collectionHref(c.id)}>{c.title}</a>
            </h3>
            {c.description && <p>{c.description}</p>}
            <p class="topic-meta muted">
              {c.itemCount} {c.itemCount === 1 ? 'article' : 'articles'} · {scopeLabel(c.scope, me)} · By {c.owner.displayName}
              {c.phase ? ` · ${phaseLabel(c.phase)}` : ''}
            </p>
          </article>
        )}
      />
    </>
  );
}

/** Contributors and curators may create; anyone else hears the server's refusal. */
function NewCollectionForm({ me }: { me: Me }) {
  const form = useSubmit();
  const send = form.onSubmit((data) => {
    const title = String(data.get('title') ?? '').trim();
    if (form.invalid(title ? {} : { title: 'Give the collection a title.' }, 'Please check the collection.')) return;
    const phase = String(data.get('phase') ?? '');
    const description = String(data.get('description') ?? '').trim();
    return form.submit(async () => {
      const created = await api.post<Collection>('/knowledge/collections', {
        title,
        scope: String(data.get('scope')),
        ...(description ? { description } : {}),
        ...(phase ? { phase: Number(phase) } : {}),
      });
      navigate(collectionHref(created.id));
    });
  });
  return (
    <form class="card form" ref={form.formRef} onSubmit={send} noValidate aria-label="New collection">
      <TextField label="Title" name="title" maxLength={200} required error={form.fields.title} />
      <TextArea label="Description" name="description" rows={3} maxLength={2000} optional error={form.fields.description} />
      <SelectField label="Who can see it" name="scope" options={scopeOptions(me)} error={form.fields.scope} />
      <SelectField label="Phase" name="phase" empty="No phase" options={PHASE_OPTIONS} error={form.fields.phase} />
      <FormStatus error={form.error} success={form.message} />
      <div class="actions">
        <SubmitButton busy={form.busy} busyLabel="Creating…">
          Create collection
        </SubmitButton>
      </div>
    </form>
  );
}
