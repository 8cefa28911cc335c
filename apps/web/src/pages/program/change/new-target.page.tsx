import { Page } from '../../../components/page';
import { api } from '../../../lib/api';
import { navigate } from '../../../lib/router';
import type { Me } from '../../../lib/types';
import { schoolHref, targetHref } from './change-labels';
import { TargetForm, type TargetInput } from './target-form';
import type { TargetDetail } from './types';

/** A new change target for a school; the server decides whether this person may set one (403 otherwise). */
export function NewTargetPage({ schoolId, me }: { schoolId: string; me: Me }) {
  const create = async (input: TargetInput) => {
    const created = await api.post<TargetDetail>(`/program/schools/${encodeURIComponent(schoolId)}/targets`, input);
    navigate(targetHref(created.id));
  };
  return (
    <Page title="New change target" intro={<p>A specific, measurable goal with an owner and a date, and the plan to reach it.</p>}>
      <p>
        <a href={schoolHref(schoolId)}>Back to the dashboard</a>
      </p>
      <TargetForm schoolId={schoolId} me={me} submitLabel="Create target" onSubmit={create} />
    </Page>
  );
}
