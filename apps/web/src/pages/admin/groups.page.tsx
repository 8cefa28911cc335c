import { useRef, useState } from 'preact/hooks';
import { SelectField, TextArea, TextField } from '../../components/field';
import { FormStatus, fieldErrorsOf, useFocusFirstInvalid } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { api, itemsOf } from '../../lib/api';
import { GROUP_KINDS, groupKindLabel } from '../../lib/labels';
import type { Group, Institution, Me, Page as ListPage } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { MembershipPanel } from './membership-panel';
import { schoolOptions, useManageableSchools } from './use-schools';

const CONSORTIUM = '';

function CreateGroupForm({ me, schools, onCreated }: { me: Me; schools: Institution[]; onCreated: (g: Group) => void }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, error);
  const fields = fieldErrorsOf(error);
  const isAdmin = me.can.manageInstitutions;

  async function submit(event: Event) {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    const name = String(form.get('name') ?? '').trim();
    if (!name) {
      setError('Please give the group a name.');
      return;
    }
    const body: Record<string, string> = { name, kind: String(form.get('kind') ?? 'other') };
    const description = String(form.get('description') ?? '').trim();
    const institutionId = String(form.get('institutionId') ?? '');
    if (description) body.description = description;
    // No institutionId means consortium-wide, which only admins may create.
    if (institutionId) body.institutionId = institutionId;
    setBusy(true);
    setError(null);
    try {
      const group = await api.post<Group>('/groups', body);
      formElement.reset();
      onCreated(group);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card form" onSubmit={submit} ref={formRef} noValidate aria-labelledby="create-group-title">
      <h2 id="create-group-title">Add a group</h2>
      <TextField label="Group name" name="name" required maxLength={200} error={fields.name} />
      <SelectField label="Kind of group" name="kind" required options={GROUP_KINDS} defaultValue="learning_lab" error={fields.kind} />
      <SelectField
        label="Belongs to"
        name="institutionId"
        empty={isAdmin ? 'The whole consortium' : undefined}
        options={schoolOptions(schools)}
        defaultValue={isAdmin ? CONSORTIUM : schools[0]?.id}
        error={fields.institutionId}
      />
      <TextArea label="Description" name="description" optional maxLength={2000} error={fields.description} />
      <FormStatus error={error} />
      <div class="actions">
        <button type="submit" class="button" disabled={busy}>
          Add group
        </button>
      </div>
    </form>
  );
}

export function GroupsPage({ me }: { me: Me }) {
  const schools = useManageableSchools(me);
  const [filter, setFilter] = useState('');
  const groups = useLoad(() => api.get<ListPage<Group>>('/groups', { institutionId: filter }).then(itemsOf), [filter]);
  const [open, setOpen] = useState<Group | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const schoolName = (id: string | null) => (id ? (schools.data?.find((s) => s.id === id)?.name ?? 'A school') : 'Whole consortium');

  async function remove(group: Group) {
    if (!window.confirm(`Delete the group ${group.name}?`)) return;
    setError(null);
    try {
      await api.delete(`/groups/${group.id}`);
      groups.setData((list) => list?.filter((g) => g.id !== group.id));
      if (open?.id === group.id) setOpen(null);
      setMessage(`${group.name} was deleted.`);
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <Page title="Groups" intro={<p>Guiding coalitions, learning labs and other groups, for one school or the whole consortium.</p>}>
      {schools.data && schools.data.length > 1 && (
        <div class="card form filters">
          <SelectField
            label="Show groups for"
            name="filter"
            value={filter}
            onChange={(e) => setFilter((e.currentTarget as HTMLSelectElement).value)}
            empty="All schools and the consortium"
            options={schoolOptions(schools.data)}
          />
        </div>
      )}
      <FormStatus error={error ?? groups.error} success={message || null} />
      {groups.loading && !groups.data ? (
        <Loading what="Loading groups" />
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Groups</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Belongs to</th>
                <th scope="col">Members</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(groups.data ?? []).map((g) => (
                <tr key={g.id}>
                  <th scope="row">{g.name}</th>
                  <td>{groupKindLabel(g.kind)}</td>
                  <td>{schoolName(g.institutionId)}</td>
                  <td>{g.memberCount ?? ''}</td>
                  <td class="row-actions">
                    <button type="button" class="button button-small button-secondary" onClick={() => setOpen(g)} aria-label={`Manage members of ${g.name}`}>
                      Members
                    </button>
                    <button type="button" class="button button-small button-danger" onClick={() => remove(g)} aria-label={`Delete ${g.name}`}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
              {groups.data?.length === 0 && (
                <tr>
                  <td colSpan={5} class="muted">
                    No groups yet.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
      {open && (
        <MembershipPanel
          collection="groups"
          id={open.id}
          name={open.name}
          institutionId={open.institutionId}
          onChanged={(delta) =>
            groups.setData((list) => list?.map((g) => (g.id === open.id ? { ...g, memberCount: (g.memberCount ?? 0) + delta } : g)))
          }
          onClose={() => setOpen(null)}
        />
      )}
      {schools.data && (
        <CreateGroupForm
          me={me}
          schools={schools.data}
          onCreated={(group) => {
            groups.setData((list) => [...(list ?? []), { memberCount: 0, ...group }]);
            setMessage(`${group.name} was added.`);
          }}
        />
      )}
    </Page>
  );
}
