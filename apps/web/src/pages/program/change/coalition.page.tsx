import { DataTable } from '../../../components/data-table';
import { FormStatus } from '../../../components/form-status';
import { Checkbox, SelectField, TextField } from '../../../components/field';
import { Loading } from '../../../components/loading';
import { Page } from '../../../components/page';
import { SubmitButton } from '../../../components/submit-button';
import { api, ApiError } from '../../../lib/api';
import { useLoad } from '../../../lib/use-load';
import { useAction, useSubmit } from '../../../lib/use-submit';
import { NotFoundPage } from '../../not-found.page';
import { formatDay, localToday, schoolHref } from './change-labels';
import { PersonSelect } from './person-select';
import type { Coalition, CoalitionMember } from './types';

const enc = encodeURIComponent;

/** The school's guiding coalition: who serves, their one-year terms, and the chair. */
export function CoalitionPage({ schoolId }: { schoolId: string }) {
  const coalition = useLoad(() => api.get<Coalition>(`/program/schools/${enc(schoolId)}/coalition`), [schoolId]);
  const c = coalition.data;
  if (coalition.loading && !c) return <Loading what="Loading the coalition" />;
  if (!c) {
    if (coalition.error instanceof ApiError && [400, 404].includes(coalition.error.status)) return <NotFoundPage />;
    return (
      <Page title="Guiding coalition">
        <FormStatus error={coalition.error} />
      </Page>
    );
  }
  return (
    <Page title={`Guiding coalition of ${c.school.name}`} documentTitle="Guiding coalition" intro={<p>Members serve one-year terms; one of them chairs the coalition.</p>}>
      <p>
        <a href={schoolHref(c.school.id)}>School dashboard</a>
      </p>
      {c.groups.length === 0 && <p class="muted">This school has no guiding coalition yet.</p>}
      {c.groups.map((group) => (
        <section key={group.id} class="section" aria-labelledby={`g-${group.id}`}>
          <h2 id={`g-${group.id}`}>{group.name}</h2>
          {group.description && <p>{group.description}</p>}
          <DataTable caption={`Members of ${group.name}`} columns={['Member', 'Term', 'Role', 'Serving']} actions={c.can.manage} empty={group.members.length ? undefined : 'No members yet.'}>
            {group.members.map((m) => (
              <MemberRow key={m.user.id} member={m} schoolId={c.school.id} groupId={group.id} manage={c.can.manage} onChanged={coalition.reload} />
            ))}
          </DataTable>
        </section>
      ))}
      {c.can.manage && <AddMemberForm schoolId={c.school.id} groups={c.groups} onSaved={coalition.reload} />}
    </Page>
  );
}

function MemberRow({ member, schoolId, groupId, manage, onChanged }: { member: CoalitionMember; schoolId: string; groupId: string; manage: boolean; onChanged: () => void }) {
  const action = useAction();
  const path = `/program/schools/${enc(schoolId)}/coalition/members/${enc(member.user.id)}`;
  const makeChair = () =>
    action.run(async () => {
      await api.put(path, { termStartsOn: member.termStartsOn ?? localToday(), chair: true, groupId });
      onChanged();
    });
  const remove = () =>
    action.run(async () => {
      await api.delete(`${path}?groupId=${enc(groupId)}`);
      onChanged();
    });
  return (
    <tr>
      <td>{member.user.displayName}</td>
      <td>{member.termStartsOn ? `${formatDay(member.termStartsOn)} to ${formatDay(member.termEndsOn)}` : 'No fixed term'}</td>
      <td>{member.chair ? 'Chair' : 'Member'}</td>
      <td>{member.active ? 'Yes' : 'No'}</td>
      {manage && (
        <td class="row-actions">
          {!member.chair && (
            <button type="button" class="button button-small button-secondary" onClick={() => void makeChair()}>
              Make chair<span class="visually-hidden">: {member.user.displayName}</span>
            </button>
          )}
          <button type="button" class="button button-small button-danger" onClick={() => void remove()}>
            Remove<span class="visually-hidden">: {member.user.displayName}</span>
          </button>
          <FormStatus error={action.error} />
        </td>
      )}
    </tr>
  );
}

function AddMemberForm({ schoolId, groups, onSaved }: { schoolId: string; groups: Coalition['groups']; onSaved: () => void }) {
  const form = useSubmit();
  const save = form.onSubmit((data) =>
    form.submit(async () => {
      const userId = String(data.get('userId') ?? '');
      const groupId = String(data.get('groupId') ?? '') || undefined;
      await api.put(`/program/schools/${enc(schoolId)}/coalition/members/${enc(userId)}`, {
        termStartsOn: String(data.get('termStartsOn') ?? ''),
        chair: data.get('chair') === 'on' ? true : undefined,
        groupId,
      });
      onSaved();
      return 'Saved: the term runs one year from its start.';
    }),
  );
  return (
    <section class="section card" aria-labelledby="add-member-title">
      <h2 id="add-member-title">Add a member or renew a term</h2>
      <form ref={form.formRef} class="form" onSubmit={save} noValidate>
        <PersonSelect schoolId={schoolId} name="userId" label="Person" error={form.fields.userId} />
        {groups.length > 1 && (
          <SelectField label="Coalition" name="groupId" options={groups.map((g) => ({ value: g.id, label: g.name }))} error={form.fields.groupId} />
        )}
        <TextField label="Term starts on" name="termStartsOn" type="date" defaultValue={localToday()} required error={form.fields.termStartsOn} />
        <Checkbox label="Chair the coalition (the current chair steps down)" name="chair" />
        <SubmitButton busy={form.busy}>Save member</SubmitButton>
        <FormStatus error={form.error} success={form.message} />
      </form>
    </section>
  );
}
