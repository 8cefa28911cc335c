import { FormStatus } from '../../../components/form-status';
import { Loading } from '../../../components/loading';
import { Page } from '../../../components/page';
import { api, ApiError } from '../../../lib/api';
import { useLoad } from '../../../lib/use-load';
import { NotFoundPage } from '../../not-found.page';
import { ConsortiumTable } from './consortium-table';
import type { ConsortiumProgress } from './types';

export function useConsortium() {
  return useLoad(() => api.get<ConsortiumProgress>('/program/consortium/progress'), []);
}

/** How every school is doing; schools are named only to their own people, the program team, or if they opted in. */
export function ConsortiumPage() {
  const progress = useConsortium();
  const p = progress.data;
  if (progress.loading && !p) return <Loading what="Loading the consortium’s progress" />;
  if (!p && progress.error instanceof ApiError && progress.error.status === 404) return <NotFoundPage />;
  return (
    <Page title="Consortium progress" intro={<p>Schools that chose not to be named appear as “Another school”.</p>}>
      <FormStatus error={progress.error} />
      {p && <ConsortiumTable schools={p.schools} />}
    </Page>
  );
}
