import { FormStatus } from '../../../components/form-status';
import { Loading } from '../../../components/loading';
import { Page } from '../../../components/page';
import { api, ApiError } from '../../../lib/api';
import { useLoad } from '../../../lib/use-load';
import { NotFoundPage } from '../../not-found.page';
import { CohortPhaseForm, PhaseDatesForm } from './cohort-forms';
import { CohortResponses, ProgressMatrixTable } from './progress-matrix';
import type { Phase, ProgressMatrix } from './types';
import './path.css';

const enc = encodeURIComponent;

/** /program/cohorts/:id: a facilitator sets the cohort's phase and dates and follows its progress. */
export function CohortProgramPage({ id }: { id: string }) {
  const matrix = useLoad(() => api.get<ProgressMatrix>(`/program/cohorts/${enc(id)}/progress`), [id]);
  const phases = useLoad(() => api.get<{ items: Phase[] }>('/program/phases'), []);
  if ((matrix.loading && !matrix.data) || (phases.loading && !phases.data)) return <Loading what="Loading the cohort" />;
  const m = matrix.data;
  if (!m || !phases.data) {
    if (matrix.error instanceof ApiError && [400, 404].includes(matrix.error.status)) return <NotFoundPage />;
    return (
      <Page title="Cohort progress">
        <FormStatus error={matrix.error ?? phases.error} />
      </Page>
    );
  }
  return (
    <Page title={`${m.cohort.name}: learning path`} documentTitle={m.cohort.name}>
      <p>
        <a href="/program">Learning path</a>
      </p>
      <div class="grid">
        <CohortPhaseForm cohort={m.cohort} phases={phases.data.items} onSaved={matrix.reload} />
        <PhaseDatesForm cohort={m.cohort} phases={phases.data.items} onSaved={matrix.reload} />
      </div>
      <ProgressMatrixTable matrix={m} />
      <CohortResponses matrix={m} />
    </Page>
  );
}
