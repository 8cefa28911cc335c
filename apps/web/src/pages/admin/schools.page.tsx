import { useEffect, useRef, useState } from 'preact/hooks';
import { TextArea, TextField } from '../../components/field';
import { FormStatus, fieldErrorsOf, useFocusFirstInvalid } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { api, ApiError } from '../../lib/api';
import { loadSchools } from '../../lib/directory';
import type { Institution, Me } from '../../lib/types';
import { useLoad } from '../../lib/use-load';

function CreateSchoolForm({ onCreated }: { onCreated: (school: Institution) => void }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, error);
  const fields = fieldErrorsOf(error);

  async function submit(event: Event) {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    const name = String(form.get('name') ?? '').trim();
    if (!name) {
      setError('Please give the school a name.');
      return;
    }
    const body: Record<string, string> = { name };
    const slug = String(form.get('slug') ?? '').trim();
    const description = String(form.get('description') ?? '').trim();
    if (slug && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
      setError(new ApiError(400, 'VALIDATION_FAILED', 'Invalid short name', [
        { field: 'slug', message: 'Use only lower-case letters, digits and single hyphens between them.' },
      ]));
      return;
    }
    if (slug) body.slug = slug;
    if (description) body.description = description;
    setBusy(true);
    setError(null);
    try {
      const school = await api.post<Institution>('/institutions', body);
      formElement.reset();
      onCreated(school);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card form" onSubmit={submit} ref={formRef} noValidate aria-labelledby="create-school-title">
      <h2 id="create-school-title">Add a school</h2>
      <TextField label="School name" name="name" required maxLength={200} error={fields.name} />
      <TextField
        label="Short name for links"
        name="slug"
        optional
        maxLength={60}
        pattern="[a-z0-9]+(-[a-z0-9]+)*"
        hint="Lower-case letters, digits and hyphens, for example: northfield-med. Made from the name if left empty."
        error={fields.slug}
      />
      <TextArea label="Description" name="description" optional maxLength={2000} error={fields.description} />
      <FormStatus error={error} />
      <div class="actions">
        <button type="submit" class="button" disabled={busy}>
          Add school
        </button>
      </div>
    </form>
  );
}

function EditSchoolForm({ school, onSaved, onCancel }: { school: Institution; onSaved: (s: Institution) => void; onCancel: () => void }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, error);
  const fields = fieldErrorsOf(error);

  useEffect(() => heading.current?.focus(), [school.id]);

  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const name = String(form.get('name') ?? '').trim();
    if (!name) {
      setError('Please give the school a name.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await api.patch<Institution>(`/institutions/${school.id}`, {
        name,
        description: String(form.get('description') ?? '').trim(),
      });
      onSaved({ ...school, ...saved });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <form class="card form panel" onSubmit={submit} ref={formRef} noValidate aria-labelledby="edit-school-title" key={school.id}>
      <h2 id="edit-school-title" ref={heading} tabIndex={-1}>
        Edit {school.name}
      </h2>
      <TextField label="School name" name="name" required maxLength={200} defaultValue={school.name} error={fields.name} />
      <TextArea label="Description" name="description" optional maxLength={2000} defaultValue={school.description ?? ''} error={fields.description} />
      <FormStatus error={error} />
      <div class="actions">
        <button type="submit" class="button" disabled={busy}>
          Save changes
        </button>
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
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const isAdmin = me.can.manageInstitutions;
  const mayEdit = (s: Institution) => isAdmin || me.schoolLeadOf.includes(s.id);

  async function remove(school: Institution) {
    if (!window.confirm(`Delete ${school.name}? This cannot be undone.`)) return;
    setError(null);
    try {
      await api.delete(`/institutions/${school.id}`);
      schools.setData((list) => list?.filter((s) => s.id !== school.id));
      setMessage(`${school.name} was deleted.`);
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <Page title="Schools" intro={<p>The medical schools taking part in the consortium.</p>}>
      <FormStatus error={error ?? schools.error} success={message || null} />
      {schools.loading && <Loading what="Loading schools" />}
      {schools.data && (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Schools</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Short name</th>
                <th scope="col">Members</th>
                <th scope="col">Description</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
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
              {schools.data.length === 0 && (
                <tr>
                  <td colSpan={5} class="muted">
                    No schools yet.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <EditSchoolForm
          school={editing}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            schools.setData((list) => list?.map((s) => (s.id === saved.id ? saved : s)));
            setEditing(null);
            setMessage(`${saved.name} was saved.`);
          }}
        />
      )}
      {isAdmin && (
        <CreateSchoolForm
          onCreated={(school) => {
            schools.setData((list) => [...(list ?? []), { memberCount: 0, ...school }].sort((a, b) => a.name.localeCompare(b.name)));
            setMessage(`${school.name} was added.`);
          }}
        />
      )}
    </Page>
  );
}
