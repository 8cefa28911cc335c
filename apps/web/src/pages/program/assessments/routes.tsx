import { lazyPage } from '../../../components/lazy-page';
import type { Route } from '../../../lib/route-types';

const AssessmentsPage = lazyPage(() => import('./assessments.page').then((m) => m.AssessmentsPage));
const TakeAssessmentPage = lazyPage(() => import('./take.page').then((m) => m.TakeAssessmentPage));
const ReadinessPage = lazyPage(() => import('./readiness.page').then((m) => m.ReadinessPage));
const LandscapePage = lazyPage(() => import('./landscape.page').then((m) => m.LandscapePage));
const InstrumentsAdminPage = lazyPage(() => import('./instruments-admin.page').then((m) => m.InstrumentsAdminPage));

/**
 * The program's assessments pages. Each page is loaded with lazyPage when first opened, so the entry bundle stays small.
 */
export const PROGRAM_ASSESSMENTS_ROUTES: Route[] = [
  { path: '/assessments', render: () => <AssessmentsPage /> },
  { path: '/assessments/:instrumentId/take', render: ({ params }) => <TakeAssessmentPage instrumentId={params.instrumentId} /> },
  { path: '/schools/:id/readiness', render: ({ me, params }) => <ReadinessPage schoolId={params.id} me={me} /> },
  { path: '/schools/:id/landscape', render: ({ params }) => <LandscapePage schoolId={params.id} /> },
  { path: '/admin/instruments', allow: (me) => me.platformRole === 'admin', render: () => <InstrumentsAdminPage /> },
];
