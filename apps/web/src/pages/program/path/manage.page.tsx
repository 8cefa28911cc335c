import { useState } from 'preact/hooks';
import { Checkbox, SelectField, TextArea, TextField } from '../../../components/field';
import { FormStatus } from '../../../components/form-status';
import { Loading } from '../../../components/loading';
import { Page } from '../../../components/page';
import { SubmitButton } from '../../../components/submit-button';
import { api } from '../../../lib/api';
import { useLoad } from '../../../lib/use-load';
import { useAction, useSubmit } from '../../../lib/use-submit';
import { itemPath, KIND_LABELS } from './path-labels';
import type { ItemKind, MyPath } from './types';
import './path.css';

const enc = encodeURIComponent;
const KINDS: ItemKind[] = ['video', 'reading', 'activity', 'assessment'];
const text = (data: FormData, name: string) => String(data.get(name) ?? '').trim();

/** /program/manage: the program's admins add modules and items to the path, and remove them. */
export function ManagePathPage() {
  const path = useLoad(() => api.get<MyPath>('/program/path'), []);
  if (path.loading && !path.data) return <Loading what="Loading the learning path" />;
  if (!path.data) {
    return (
      <Page title="Manage the learning path">
        <FormStatus error={path.error} />
      </Page>
    );
  }
  const p = path.data;
  const modules = p.phases.flatMap((phase) => phase.modules.map((m) => ({ ...m, phase: phase.number })));
  return (
    <Page title="Manage the learning path">
      <p>
        <a href="/program">Learning path</a>
      </p>
      <div class="grid">
        <NewModuleForm phases={p.phases.map((ph) => ({ number: ph.number, title: ph.title }))} onSaved={path.reload} />
        <NewItemForm modules={modules} onSaved={path.reload} />
      </div>
      <Contents path={p} onChanged={path.reload} />
    </Page>
  );
}

function NewModuleForm({ phases, onSaved }: { phases: { number: number; title: string }[]; onSaved: () => void }) {
  const form = useSubmit();
  const save = (data: FormData, element: HTMLFormElement) =>
    form.submit(async () => {
      const description = text(data, 'description');
      await api.post('/program/modules', {
        phase: Number(data.get('phase')),
        title: text(data, 'title'),
        ...(description ? { description } : {}),
      });
      element.reset();
      onSaved();
      return 'The module is added.';
    });
  return (
    <form ref={form.formRef} class="card form" onSubmit={form.onSubmit(save)} aria-labelledby="new-module-heading">
      <h2 id="new-module-heading">Add a module</h2>
      <SelectField
        label="Phase"
        name="phase"
        options={phases.map((p) => ({ value: String(p.number), label: `Phase ${p.number}: ${p.title}` }))}
        error={form.fields.phase}
      />
      <TextField label="Module title" name="title" required maxLength={200} error={form.fields.title} />
      <TextArea label="Module description" name="description" optional maxLength={5000} error={form.fields.description} />
      <SubmitButton busy={form.busy}>Add module</SubmitButton>
      <FormStatus error={form.error} success={form.message} />
    </form>
  );
}

function NewItemForm({ modules, onSaved }: { modules: { id: string; title: string; phase: number }[]; onSaved: () => void }) {
  const form = useSubmit();
  const [kind, setKind] = useState<ItemKind>('video');
  const save = (data: FormData, element: HTMLFormElement) =>
    form.submit(async () => {
      const body: Record<string, unknown> = { kind, title: text(data, 'title'), required: data.get('required') === 'on' };
      for (const name of ['videoUrl', 'body', 'articleId', 'linkUrl', 'instrumentId'])
        if (text(data, name)) body[name] = text(data, name);
      await api.post(`/program/modules/${enc(String(data.get('moduleId')))}/items`, body);
      element.reset();
      onSaved();
      return 'The item is added.';
    });
  if (modules.length === 0) return <p class="card muted">Add a module first; items belong to modules.</p>;
  return (
    <form ref={form.formRef} class="card form" onSubmit={form.onSubmit(save)} aria-labelledby="new-item-heading">
      <h2 id="new-item-heading">Add an item</h2>
      <SelectField
        label="Module"
        name="moduleId"
        options={modules.map((m) => ({ value: m.id, label: `Phase ${m.phase}: ${m.title}` }))}
      />
      <SelectField
        label="Kind"
        name="kind"
        value={kind}
        onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as ItemKind)}
        options={KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
        error={form.fields.kind}
      />
      <TextField label="Item title" name="title" required maxLength={200} error={form.fields.title} />
      <Checkbox label="Required" name="required" defaultChecked />
      {kind === 'video' && <TextField type="url" label="Video address" name="videoUrl" required error={form.fields.videoUrl} />}
      {kind === 'reading' && (
        <>
          <TextField
            label="Knowledge-base article id"
            name="articleId"
            optional
            hint="A published article; or give a link instead."
            error={form.fields.articleId}
          />
          <TextField type="url" label="Link to the reading" name="linkUrl" optional error={form.fields.linkUrl} />
        </>
      )}
      {kind === 'assessment' && (
        <TextField label="Assessment instrument id" name="instrumentId" required error={form.fields.instrumentId} />
      )}
      <TextArea
        label={kind === 'video' ? 'Transcript or notes' : kind === 'activity' ? 'Instructions' : 'Notes'}
        name="body"
        rows={6}
        optional={kind !== 'activity'}
        required={kind === 'activity'}
        hint="Markdown."
        error={form.fields.body}
      />
      <SubmitButton busy={form.busy}>Add item</SubmitButton>
      <FormStatus error={form.error} success={form.message} />
    </form>
  );
}

function Contents({ path, onChanged }: { path: MyPath; onChanged: () => void }) {
  const action = useAction();
  const remove = (what: 'modules' | 'items', id: string, title: string) =>
    action.run(async () => {
      if (
        !window.confirm(`Delete “${title}”${what === 'modules' ? ' and all its items' : ''}? Everyone’s progress on it goes too.`)
      )
        return;
      await api.delete(`/program/${what}/${enc(id)}`);
      onChanged();
      return `“${title}” is deleted.`;
    });
  return (
    <section aria-labelledby="contents-heading" class="section">
      <h2 id="contents-heading">Contents</h2>
      <FormStatus error={action.error} success={action.message} />
      {path.phases.map((phase) => (
        <div key={phase.number} class="card">
          <h3>
            Phase {phase.number}: {phase.title}
          </h3>
          {phase.modules.length === 0 && <p class="muted">No modules.</p>}
          {phase.modules.map((m) => (
            <div key={m.id} class="path-module">
              <h4>
                {m.title}{' '}
                <button
                  type="button"
                  class="button button-small button-danger"
                  onClick={() => void remove('modules', m.id, m.title)}
                >
                  Delete module<span class="visually-hidden">: {m.title}</span>
                </button>
              </h4>
              <ul class="plain-list">
                {m.items.map((i) => (
                  <li key={i.id}>
                    <a href={itemPath(i.id)}>{i.title}</a>{' '}
                    <span class="muted">
                      · {KIND_LABELS[i.kind]} · {i.required ? 'Required' : 'Optional'}
                    </span>{' '}
                    <button
                      type="button"
                      class="button button-small button-secondary"
                      onClick={() => void remove('items', i.id, i.title)}
                    >
                      Delete<span class="visually-hidden"> item: {i.title}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}
