import { lazyPage } from '../../../components/lazy-page';
import type { Route } from '../../../lib/route-types';

const ChangeHomePage = lazyPage(() => import('./change-home.page').then((m) => m.ChangeHomePage));
const ChangeDashboardPage = lazyPage(() => import('./dashboard.page').then((m) => m.ChangeDashboardPage));
const ChangeTargetPage = lazyPage(() => import('./target.page').then((m) => m.ChangeTargetPage));
const NewTargetPage = lazyPage(() => import('./new-target.page').then((m) => m.NewTargetPage));
const CoalitionPage = lazyPage(() => import('./coalition.page').then((m) => m.CoalitionPage));
const ConsortiumPage = lazyPage(() => import('./consortium.page').then((m) => m.ConsortiumPage));

/**
 * The program's change pages. Each page is loaded with lazyPage when first opened, so the entry bundle stays small.
 */
export const PROGRAM_CHANGE_ROUTES: Route[] = [
  { path: '/change', render: ({ me }) => <ChangeHomePage me={me} /> },
  { path: '/change/consortium', render: () => <ConsortiumPage /> },
  { path: '/change/schools/:id', render: ({ params }) => <ChangeDashboardPage id={params.id} /> },
  { path: '/change/schools/:id/coalition', render: ({ params }) => <CoalitionPage schoolId={params.id} /> },
  { path: '/change/schools/:id/targets/new', render: ({ me, params }) => <NewTargetPage schoolId={params.id} me={me} /> },
  { path: '/change/targets/:id', render: ({ me, params }) => <ChangeTargetPage id={params.id} me={me} /> },
];
