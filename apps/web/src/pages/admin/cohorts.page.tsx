import { useEffect, useState } from 'preact/hooks';
import { SelectField, TextField } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { loadCohorts } from '../../lib/directory';
import type { Cohort, Me } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { CreateForm, type CreateRequest } from './create-form';
import { OrganisationUnitTable, useOrganisationUnits } from './organisation-units';
import { schoolOptions, useManageableSchools } from './use-schools';

function readCohort(institutionId: string, data: FormData): CreateRequest {
  const name = String(data.get('name') ?? '').trim();
  const programYear = Number.parseInt(String(data.get('programYear') ?? ''), 10);
  if (!name) return { problem: 'Please give the cohort a name.' };
  if (!Number.isInteger(programYear) || programYear < 2000 || programYear > 2100) {
    return { problem: 'Program year must be a year between 2000 and 2100.' };
  }
  return { body: { institutionId, name, programYear } };
}

function CreateCohortForm({ institutionId, onCreated }: { institutionId: string; onCreated: (c: Cohort) => void }) {
  return (
    <CreateForm noun="cohort" path="/cohorts" read={(data) => readCohort(institutionId, data)} onCreated={onCreated}>
      {(errors) => (
        <>
          <TextField label="Cohort name" name="name" required maxLength={200} hint="For example: Class of 2028." error={errors.name} />
          <TextField
            label="Program year"
            name="programYear"
            type="number"
            inputMode="numeric"
            required
            min={2000}
            max={2100}
            defaultValue={String(new Date().getFullYear())}
            error={errors.programYear}
          />
        </>
      )}
    </CreateForm>
  );
}

export function CohortsPage({ me }: { me: Me }) {
  const schools = useManageableSchools(me);
  const [schoolId, setSchoolId] = useState('');
  const cohorts = useLoad(() => (schoolId ? loadCohorts(schoolId) : Promise.resolve([])), [schoolId]);
  const list = useOrganisationUnits('cohorts', cohorts, { addAtTop: true });

  // Starts on the person's own school when they have one, else the first they may manage.
  useEffect(() => {
    const all = schools.data ?? [];
    if (schoolId || !all.length) return;
    setSchoolId(all.find((s) => s.id === me.institution?.id)?.id ?? all[0].id);
  }, [schools.data]);

  const schoolName = schools.data?.find((s) => s.id === schoolId)?.name ?? '';

  return (
    <Page title="Cohorts" intro={<p>Cohorts group a school's learners by program year.</p>}>
      {schools.loading && <Loading what="Loading schools" />}
      {schools.data && schools.data.length === 0 && <p>There is no school you can manage cohorts for.</p>}
      {schools.data && schools.data.length > 0 && (
        <div class="card form filters">
          <SelectField
            label="School"
            name="school"
            value={schoolId}
            onChange={(e) => {
              setSchoolId((e.currentTarget as HTMLSelectElement).value);
              list.setOpen(null);
              list.status.setMessage(null);
            }}
            options={schoolOptions(schools.data)}
          />
        </div>
      )}
      <FormStatus error={list.status.error ?? schools.error ?? cohorts.error} success={list.status.message} />
      {schoolId && (
        <>
          <OrganisationUnitTable
            list={list}
            loading={cohorts.loading}
            caption={`Cohorts at ${schoolName}`}
            visibleCaption
            columns={[{ header: 'Program year', cell: (c) => c.programYear }]}
          />
          <CreateCohortForm institutionId={schoolId} onCreated={list.added} />
        </>
      )}
    </Page>
  );
}
