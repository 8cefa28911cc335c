import { useEffect, useRef, useState } from 'preact/hooks';
import { SelectField, TextField } from '../../components/field';
import { FormStatus, fieldErrorsOf, useFocusFirstInvalid } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { api } from '../../lib/api';
import { loadCohorts } from '../../lib/directory';
import type { Cohort, Me } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { MembershipPanel } from './membership-panel';
import { schoolOptions, useManageableSchools } from './use-schools';

function CreateCohortForm({ institutionId, onCreated }: { institutionId: string; onCreated: (c: Cohort) => void }) {
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
    const programYear = Number.parseInt(String(form.get('programYear') ?? ''), 10);
    if (!name || !Number.isInteger(programYear) || programYear < 2000 || programYear > 2100) {
      setError(!name ? 'Please give the cohort a name.' : 'Program year must be a year between 2000 and 2100.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const cohort = await api.post<Cohort>('/cohorts', { institutionId, name, programYear });
      formElement.reset();
      onCreated(cohort);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card form" onSubmit={submit} ref={formRef} noValidate aria-labelledby="create-cohort-title">
      <h2 id="create-cohort-title">Add a cohort</h2>
      <TextField label="Cohort name" name="name" required maxLength={200} hint="For example: Class of 2028." error={fields.name} />
      <TextField
        label="Program year"
        name="programYear"
        type="number"
        inputMode="numeric"
        required
        min={2000}
        max={2100}
        defaultValue={String(new Date().getFullYear())}
        error={fields.programYear}
      />
      <FormStatus error={error} />
      <div class="actions">
        <button type="submit" class="button" disabled={busy}>
          Add cohort
        </button>
      </div>
    </form>
  );
}

export function CohortsPage({ me }: { me: Me }) {
  const schools = useManageableSchools(me);
  const [schoolId, setSchoolId] = useState('');
  const cohorts = useLoad(() => (schoolId ? loadCohorts(schoolId) : Promise.resolve([])), [schoolId]);
  const [open, setOpen] = useState<Cohort | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);

  // Starts on the person's own school when they have one, else the first they may manage.
  useEffect(() => {
    const list = schools.data ?? [];
    if (schoolId || !list.length) return;
    setSchoolId(list.find((s) => s.id === me.institution?.id)?.id ?? list[0].id);
  }, [schools.data]);

  async function remove(cohort: Cohort) {
    if (!window.confirm(`Delete the cohort ${cohort.name}?`)) return;
    setError(null);
    try {
      await api.delete(`/cohorts/${cohort.id}`);
      cohorts.setData((list) => list?.filter((c) => c.id !== cohort.id));
      if (open?.id === cohort.id) setOpen(null);
      setMessage(`${cohort.name} was deleted.`);
    } catch (failure) {
      setError(failure);
    }
  }

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
              setOpen(null);
              setMessage('');
            }}
            options={schoolOptions(schools.data)}
          />
        </div>
      )}
      <FormStatus error={error ?? schools.error ?? cohorts.error} success={message || null} />
      {schoolId && (
        <>
          {cohorts.loading ? (
            <Loading what="Loading cohorts" />
          ) : (
            <div class="table-wrap">
              <table>
                <caption>Cohorts at {schoolName}</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Program year</th>
                    <th scope="col">Members</th>
                    <th scope="col">
                      <span class="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {(cohorts.data ?? []).map((c) => (
                    <tr key={c.id}>
                      <th scope="row">{c.name}</th>
                      <td>{c.programYear}</td>
                      <td>{c.memberCount ?? ''}</td>
                      <td class="row-actions">
                        <button type="button" class="button button-small button-secondary" onClick={() => setOpen(c)} aria-label={`Manage members of ${c.name}`}>
                          Members
                        </button>
                        <button type="button" class="button button-small button-danger" onClick={() => remove(c)} aria-label={`Delete ${c.name}`}>
                          Delete
                        </button>
                      </td>
                    </tr>
                  ))}
                  {cohorts.data?.length === 0 && (
                    <tr>
                      <td colSpan={4} class="muted">
                        No cohorts yet.
                      </td>
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
          )}
          {open && (
            <MembershipPanel
              collection="cohorts"
              id={open.id}
              name={open.name}
              institutionId={open.institutionId}
              onChanged={(delta) =>
                cohorts.setData((list) => list?.map((c) => (c.id === open.id ? { ...c, memberCount: (c.memberCount ?? 0) + delta } : c)))
              }
              onClose={() => setOpen(null)}
            />
          )}
          <CreateCohortForm
            institutionId={schoolId}
            onCreated={(cohort) => {
              cohorts.setData((list) => [{ memberCount: 0, ...cohort }, ...(list ?? [])]);
              setMessage(`${cohort.name} was added.`);
            }}
          />
        </>
      )}
    </Page>
  );
}
