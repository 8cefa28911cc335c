import { useState } from 'preact/hooks';
import { SelectField, TextArea, TextField } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { Page } from '../../components/page';
import { api, itemsOf } from '../../lib/api';
import { GROUP_KINDS, groupKindLabel } from '../../lib/labels';
import type { Group, Institution, Me, Page as ListPage } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { CreateForm, type CreateRequest } from './create-form';
import { OrganisationUnitTable, useOrganisationUnits } from './organisation-units';
import { schoolOptions, useManageableSchools } from './use-schools';

const CONSORTIUM = '';

function readGroup(data: FormData): CreateRequest {
  const name = String(data.get('name') ?? '').trim();
  if (!name) return { problem: 'Please give the group a name.' };
  const body: Record<string, string> = { name, kind: String(data.get('kind') ?? 'other') };
  const description = String(data.get('description') ?? '').trim();
  const institutionId = String(data.get('institutionId') ?? '');
  if (description) body.description = description;
  // No institutionId means consortium-wide, which only admins may create.
  if (institutionId) body.institutionId = institutionId;
  return { body };
}

function CreateGroupForm({ me, schools, onCreated }: { me: Me; schools: Institution[]; onCreated: (g: Group) => void }) {
  const isAdmin = me.can.manageInstitutions;
  return (
    <CreateForm noun="group" path="/groups" read={readGroup} onCreated={onCreated}>
      {(errors) => (
        <>
          <TextField label="Group name" name="name" required maxLength={200} error={errors.name} />
          <SelectField label="Kind of group" name="kind" required options={GROUP_KINDS} defaultValue="learning_lab" error={errors.kind} />
          <SelectField
            label="Belongs to"
            name="institutionId"
            empty={isAdmin ? 'The whole consortium' : undefined}
            options={schoolOptions(schools)}
            defaultValue={isAdmin ? CONSORTIUM : schools[0]?.id}
            error={errors.institutionId}
          />
          <TextArea label="Description" name="description" optional maxLength={2000} error={errors.description} />
        </>
      )}
    </CreateForm>
  );
}

export function GroupsPage({ me }: { me: Me }) {
  const schools = useManageableSchools(me);
  const [filter, setFilter] = useState('');
  const groups = useLoad(() => api.get<ListPage<Group>>('/groups', { institutionId: filter }).then(itemsOf), [filter]);
  const list = useOrganisationUnits('groups', groups);
  const schoolName = (id: string | null) => (id ? (schools.data?.find((s) => s.id === id)?.name ?? 'A school') : 'Whole consortium');

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
      <FormStatus error={list.status.error ?? groups.error} success={list.status.message} />
      <OrganisationUnitTable
        list={list}
        loading={groups.loading && !groups.data}
        caption="Groups"
        columns={[
          { header: 'Kind', cell: (g) => groupKindLabel(g.kind) },
          { header: 'Belongs to', cell: (g) => schoolName(g.institutionId) },
        ]}
      />
      {schools.data && <CreateGroupForm me={me} schools={schools.data} onCreated={list.added} />}
    </Page>
  );
}
