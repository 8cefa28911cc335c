import { DataTable } from '../../../components/data-table';
import type { ConsortiumSchool } from './types';

const phaseSummary = (school: ConsortiumSchool) =>
  school.cohortsByPhase.length === 0 ? 'No cohorts' : school.cohortsByPhase.map((c) => `${c.count} in ${c.phase ? `phase ${c.phase}` : 'no phase yet'}`).join(', ');

const statusSummary = (school: ConsortiumSchool) => {
  const t = school.targetsByStatus;
  if (school.targetCount === 0) return 'None yet';
  return `${school.targetCount} (${t.in_progress} in progress, ${t.achieved} achieved, ${t.planned} planned${t.on_hold ? `, ${t.on_hold} on hold` : ''}${t.dropped ? `, ${t.dropped} dropped` : ''})`;
};

/** Every school's figures; schools this reader may not identify appear as "Another school", without a link. */
export function ConsortiumTable({ schools }: { schools: ConsortiumSchool[] }) {
  return (
    <DataTable caption="Progress of every school" columns={['School', 'Cohorts by phase', 'Targets', 'Indicators on track', 'Wins (90 days)']} empty={schools.length ? undefined : 'No schools yet.'}>
      {schools.map((school, i) => (
        <tr key={school.named ? school.id : `unnamed-${i}`}>
          <th scope="row">
            {school.named ? (
              <>
                <a href={school.href}>{school.name}</a>
                {school.own && <span class="muted"> (your school)</span>}
              </>
            ) : (
              <span class="muted">{school.name}</span>
            )}
          </th>
          <td>{phaseSummary(school)}</td>
          <td>{statusSummary(school)}</td>
          <td>
            {school.indicatorsOnTrack} of {school.indicatorCount}
          </td>
          <td>{school.winsLast90Days}</td>
        </tr>
      ))}
    </DataTable>
  );
}
