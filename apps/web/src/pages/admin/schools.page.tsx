import { useEffect, useRef, useState } from 'preact/hooks';
import { DataTable } from '../../components/data-table';
import { TextArea, TextField } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { SubmitButton } from '../../components/submit-button';
import { api, ApiError } from '../../lib/api';
import { loadSchools } from '../../lib/directory';
import type { Institution, Me } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { useAction, useSubmit } from '../../lib/use-submit';
import { CreateForm, type CreateRequest } from './create-form';

function readSchool(data: FormData): CreateRequest {
  const name = String(data.get('name') ?? '').trim();
  if (!name) return { problem: 'Please give the school a name.' };
  const body: Record<string, string> = { name };
  const slug = String(data.get('slug') ?? '').trim();
  const description = String(data.get('description') ?? '').trim();
  if (slug && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
    return {
      problem: new ApiError(400, 'VALIDATION_FAILED', 'Invalid short name', [
        { field: 'slug', message: 'Use only lower-case letters, digits and single hyphens between them.' },
      ]),
    };
  }
  if (slug) body.slug = slug;
  if (description) body.description = description;
  return { body };
}

function CreateSchoolForm({ onCreated }: { onCreated: (school: Institution) => void }) {
  return (
    <CreateForm noun="school" path="/institutions" read={readSchool} onCreated={onCreated}>
      {(errors) => (
        <>
          <TextField label="School name" name="name" required maxLength={200} error={errors.name} />
          <TextField
            label="Short name for links"
            name="slug"
            optional
            maxLength={60}
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            hint="Lower-case letters, digits and hyphens, for example: northfield-med. Made from the name if left empty."
            error={errors.slug}
          />
          <TextArea label="Description" name="description" optional maxLength={2000} error={errors.description} />
        </>
      )}
    </CreateForm>
  );
}

function EditSchoolForm({ school, onSaved, onCancel }: { school: Institution; onSaved: (s: Institution) => void; onCancel: () => void }) {
  const form = useSubmit();
  const { fields } = form;
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), [school.id]);

  async function save(data: FormData) {
    const name = String(data.get('name') ?? '').trim();
    if (!name) {
      form.setError('Please give the school a name.');
      return;
    }
    await form.submit(async () => {
      const saved = await api.patch<Institution>(`/institutions/${school.id}`, {
        name,
        description: String(data.get('description') ?? '').trim(),
      });
      onSaved({ ...school, ...saved });
    });
  }

  return (
    <form class="card form panel" onSubmit={form.onSubmit(save)} ref={form.formRef} noValidate aria-labelledby="edit-school-title" key={school.id}>
      <h2 id="edit-school-title" ref={heading} tabIndex={-1}>
        Edit {school.name}
      </h2>
      <TextField label="School name" name="name" required maxLength={200} defaultValue={school.name} error={fields.name} />
      <TextArea label="Description" name="description" optional maxLength={2000} defaultValue={school.description ?? ''} error={fields.description} />
      <FormStatus error={form.error} />
      <div class="actions">
        <SubmitButton busy={form.busy}>Save changes</SubmitButton>
        <button type="button" class="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function SchoolsPage({ me }: { me: Me }) {
  const schools = useLoad(loadSchools, []);
  const [editing, setEditing] = useState<Institution | null>(null);
  const status = useAction();
  const isAdmin = me.can.manageInstitutions;
  const mayEdit = (s: Institution) => isAdmin || me.schoolLeadOf.includes(s.id);

  async function remove(school: Institution) {
    if (!window.confirm(`Delete ${school.name}? This cannot be undone.`)) return;
    await status.run(async () => {
      await api.delete(`/institutions/${school.id}`);
      schools.setData((list) => list?.filter((s) => s.id !== school.id));
      return `${school.name} was deleted.`;
    });
  }

  return (
    <Page title="Schools" intro={<p>The medical schools taking part in the consortium.</p>}>
      <FormStatus error={status.error ?? schools.error} success={status.message} />
      {schools.loading && <Loading what="Loading schools" />}
      {schools.data && (
        <DataTable
          caption="Schools"
          columns={['Name', 'Short name', 'Members', 'Description']}
          actions
          empty={schools.data.length === 0 && 'No schools yet.'}
        >
          {schools.data.map((s) => (
            <tr key={s.id}>
              <th scope="row">{s.name}</th>
              <td>{s.slug}</td>
              <td>{s.memberCount ?? ''}</td>
              <td class="prewrap">{s.description}</td>
              <td class="row-actions">
                {mayEdit(s) && (
                  <button type="button" class="button button-small button-secondary" onClick={() => setEditing(s)} aria-label={`Edit ${s.name}`}>
                    Edit
                  </button>
                )}
                {isAdmin && (
                  <button type="button" class="button button-small button-danger" onClick={() => remove(s)} aria-label={`Delete ${s.name}`}>
                    Delete
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {editing && (
        <EditSchoolForm
          school={editing}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            schools.setData((list) => list?.map((s) => (s.id === saved.id ? saved : s)));
            setEditing(null);
            status.setMessage(`${saved.name} was saved.`);
          }}
        />
      )}
      {isAdmin && (
        <CreateSchoolForm
          onCreated={(school) => {
            schools.setData((list) => [...(list ?? []), { memberCount: 0, ...school }].sort((a, b) => a.name.localeCompare(b.name)));
            status.setMessage(`${school.name} was added.`);
          }}
        />
      )}
    </Page>
  );
}
