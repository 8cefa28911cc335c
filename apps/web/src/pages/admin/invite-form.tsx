import { useEffect, useState } from 'preact/hooks';
import { CopyButton } from '../../components/copy-button';
import { Checkbox, SelectField, TextField } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { SubmitButton } from '../../components/submit-button';
import { api } from '../../lib/api';
import { cohortLabel, loadCohorts } from '../../lib/directory';
import { PLATFORM_ROLES, SCHOOL_ROLES } from '../../lib/labels';
import type { Cohort, Institution, Invitation, Me } from '../../lib/types';
import { useSubmit } from '../../lib/use-submit';
import { schoolOptions } from './use-schools';

interface Props {
  me: Me;
  schools: Institution[];
  onCreated: () => void;
}

export function InviteForm({ me, schools, onCreated }: Props) {
  const [schoolId, setSchoolId] = useState(schools[0]?.id ?? '');
  const [cohorts, setCohorts] = useState<Cohort[]>([]);
  const [created, setCreated] = useState<Invitation | null>(null);
  const form = useSubmit();
  const { fields } = form;
  const isAdmin = me.can.manageInstitutions;

  useEffect(() => {
    if (!schoolId) return setCohorts([]);
    loadCohorts(schoolId).then(setCohorts, () => setCohorts([]));
  }, [schoolId]);

  async function send(data: FormData, formElement: HTMLFormElement) {
    const email = String(data.get('email') ?? '').trim();
    if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
      form.setError('Please enter a valid email address.');
      return;
    }
    if (!schoolId) {
      form.setError('Please choose a school.');
      return;
    }
    const body: Record<string, unknown> = { email, institutionId: schoolId };
    const text = (key: string) => String(data.get(key) ?? '').trim();
    if (text('displayName')) body.displayName = text('displayName');
    if (text('cohortId')) body.cohortId = text('cohortId');
    if (text('schoolRole')) body.schoolRole = text('schoolRole');
    if (isAdmin && text('platformRole')) body.platformRole = text('platformRole');
    if (data.get('schoolLead') === 'on') body.schoolLead = true;
    setCreated(null);
    await form.submit(async () => {
      const invitation = await api.post<Invitation>('/invitations', body);
      setCreated(invitation);
      formElement.reset();
      onCreated();
    });
  }

  return (
    <form class="card form" onSubmit={form.onSubmit(send)} ref={form.formRef} noValidate aria-labelledby="invite-title">
      <h2 id="invite-title">Invite one person</h2>
      <TextField label="Email" name="email" type="email" autoComplete="off" required maxLength={254} error={fields.email} />
      <TextField label="Name" name="displayName" optional maxLength={100} hint="They can change it when they accept." error={fields.displayName} />
      <SelectField
        label="School"
        name="institutionId"
        required
        value={schoolId}
        onChange={(e) => setSchoolId((e.currentTarget as HTMLSelectElement).value)}
        options={schoolOptions(schools)}
        error={fields.institutionId}
      />
      <SelectField
        label="Cohort"
        name="cohortId"
        optional
        empty="No cohort"
        options={cohorts.map((c) => ({ value: c.id, label: cohortLabel(c) }))}
        error={fields.cohortId}
      />
      <SelectField label="School role" name="schoolRole" optional empty="Let them choose" options={SCHOOL_ROLES} error={fields.schoolRole} />
      {isAdmin && <SelectField label="Platform role" name="platformRole" options={PLATFORM_ROLES} defaultValue="member" error={fields.platformRole} />}
      <Checkbox label="Make this person a school lead" name="schoolLead" hint="School leads can invite people and manage cohorts and groups for their school." error={fields.schoolLead} />
      <FormStatus
        error={form.error}
        success={
          created && (
            <>
              <p>
                Invitation created for <strong>{created.email}</strong>. Send them this link; it is shown only once.
              </p>
              {created.acceptUrl && (
                <p class="secret">
                  <code class="accept-url" data-accept-url={created.acceptUrl}>
                    {created.acceptUrl}
                  </code>{' '}
                  <CopyButton text={created.acceptUrl} label="Copy invitation link" />
                </p>
              )}
            </>
          )
        }
      />
      <div class="actions">
        <SubmitButton busy={form.busy} busyLabel="Sending…">Create invitation</SubmitButton>
      </div>
    </form>
  );
}
