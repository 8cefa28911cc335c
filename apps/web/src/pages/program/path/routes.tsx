import { lazyPage } from '../../../components/lazy-page';
import type { Route } from '../../../lib/route-types';

const PathPage = lazyPage(() => import('./path.page').then((m) => m.PathPage));
const ItemPage = lazyPage(() => import('./item.page').then((m) => m.ItemPage));
const CohortProgramPage = lazyPage(() => import('./cohort.page').then((m) => m.CohortProgramPage));
const ManagePathPage = lazyPage(() => import('./manage.page').then((m) => m.ManagePathPage));

/**
 * The program's path pages. Each page is loaded with lazyPage when first opened, so the entry bundle stays small.
 */
export const PROGRAM_PATH_ROUTES: Route[] = [
  { path: '/program', render: ({ search }) => <PathPage search={search} /> },
  { path: '/program/items/:id', render: ({ params }) => <ItemPage id={params.id} /> },
  { path: '/program/cohorts/:id', render: ({ params }) => <CohortProgramPage id={params.id} /> },
  // The server refuses anyone else's writes; the page is only offered to those who may use it.
  { path: '/program/manage', allow: (me) => me.platformRole === 'admin', render: () => <ManagePathPage /> },
];
