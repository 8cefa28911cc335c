import { useEffect, useState } from 'preact/hooks';
import { DataTable } from '../../components/data-table';
import { SelectField } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { api, itemsOf } from '../../lib/api';
import { loadCohorts } from '../../lib/directory';
import { formatDate, INVITATION_STATUSES, invitationStatusLabel, platformRoleLabel, schoolRoleLabel } from '../../lib/labels';
import type { Cohort, Invitation, Me, Page as ListPage } from '../../lib/types';
import { useLoad } from '../../lib/use-load';
import { useAction } from '../../lib/use-submit';
import { BulkInviteForm } from './bulk-invite-form';
import { InviteForm } from './invite-form';
import { schoolOptions, useManageableSchools } from './use-schools';

function roleText(inv: Invitation): string {
  return [
    schoolRoleLabel(inv.schoolRole),
    inv.platformRole !== 'member' && platformRoleLabel(inv.platformRole),
    inv.schoolLead && 'School lead',
  ]
    .filter(Boolean)
    .join(', ');
}

export function InvitationsPage({ me }: { me: Me }) {
  const schools = useManageableSchools(me);
  const [schoolFilter, setSchoolFilter] = useState('');
  const [statusFilter, setStatusFilter] = useState('pending');
  const invitations = useLoad(
    () => api.get<ListPage<Invitation>>('/invitations', { institutionId: schoolFilter, status: statusFilter }).then(itemsOf),
    [schoolFilter, statusFilter],
  );
  const [cohorts, setCohorts] = useState<Cohort[]>([]);
  const status = useAction();

  // Cohort names for the table; ids alone mean nothing to a person.
  useEffect(() => {
    loadCohorts().then(setCohorts, () => setCohorts([]));
  }, []);

  const schoolName = (id: string) => schools.data?.find((s) => s.id === id)?.name ?? '';
  const cohortName = (id: string | null) => (id ? (cohorts.find((c) => c.id === id)?.name ?? '') : '');

  async function revoke(inv: Invitation) {
    if (!window.confirm(`Revoke the invitation for ${inv.email}? Its link will stop working.`)) return;
    await status.run(async () => {
      await api.delete(`/invitations/${inv.id}`);
      invitations.reload();
      return `The invitation for ${inv.email} was revoked.`;
    });
  }

  const list = invitations.data ?? [];

  return (
    <Page title="Invitations" intro={<p>People join ART Commons by invitation. Each link works once and expires after a while.</p>}>
      {schools.loading && <Loading what="Loading schools" />}
      {schools.data && schools.data.length === 0 && <p>There is no school you can invite people to.</p>}
      {schools.data && schools.data.length > 0 && (
        <>
          <InviteForm me={me} schools={schools.data} onCreated={invitations.reload} />
          <BulkInviteForm schools={schools.data} onDone={invitations.reload} />
        </>
      )}

      <section aria-labelledby="sent-title" class="section">
        <h2 id="sent-title">Sent invitations</h2>
        <div class="card form filters">
          <div class="filter-grid">
            {schools.data && schools.data.length > 1 && (
              <SelectField
                label="Filter by school"
                name="schoolFilter"
                value={schoolFilter}
                onChange={(e) => setSchoolFilter((e.currentTarget as HTMLSelectElement).value)}
                empty="All schools"
                options={schoolOptions(schools.data)}
              />
            )}
            <SelectField
              label="Filter by status"
              name="statusFilter"
              value={statusFilter}
              onChange={(e) => setStatusFilter((e.currentTarget as HTMLSelectElement).value)}
              empty="Any status"
              options={INVITATION_STATUSES}
            />
          </div>
        </div>
        <FormStatus error={status.error ?? invitations.error} success={status.message} />
        {invitations.loading && !invitations.data ? (
          <Loading what="Loading invitations" />
        ) : (
          <DataTable
            caption="Invitations"
            columns={['Email', 'Name', 'School', 'Cohort', 'Role', 'Status', 'Expires']}
            actions
            busy={invitations.loading}
            empty={list.length === 0 && !invitations.loading && 'No invitations match these filters.'}
          >
            {list.map((inv) => (
              <tr key={inv.id} data-status={inv.status}>
                <th scope="row">{inv.email}</th>
                <td>{inv.displayName}</td>
                <td>{schoolName(inv.institutionId)}</td>
                <td>{cohortName(inv.cohortId)}</td>
                <td>{roleText(inv)}</td>
                <td>
                  <span class={`pill pill-${inv.status}`}>{invitationStatusLabel(inv.status)}</span>
                </td>
                <td>{formatDate(inv.expiresAt)}</td>
                <td class="row-actions">
                  {inv.status === 'pending' && (
                    <button type="button" class="button button-small button-danger" onClick={() => revoke(inv)} aria-label={`Revoke invitation for ${inv.email}`}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </Page>
  );
}
