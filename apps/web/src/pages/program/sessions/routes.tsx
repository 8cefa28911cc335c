import { lazyPage } from '../../../components/lazy-page';
import type { Route } from '../../../lib/route-types';

const CalendarPage = lazyPage(() => import('./calendar.page').then((m) => m.CalendarPage));
const SessionPage = lazyPage(() => import('./session.page').then((m) => m.SessionPage));
const NewSessionPage = lazyPage(() => import('./new-session.page').then((m) => m.NewSessionPage));

/**
 * The program's sessions pages. Each page is loaded with lazyPage when first opened, so the entry bundle stays small.
 */
export const PROGRAM_SESSIONS_ROUTES: Route[] = [
  { path: '/calendar', render: ({ me, search }) => <CalendarPage me={me} search={search} /> },
  // Before /program/sessions/:id, which would otherwise take "new" for an id.
  { path: '/program/sessions/new', render: ({ me }) => <NewSessionPage me={me} /> },
  { path: '/program/sessions/:id', render: ({ me, params }) => <SessionPage id={params.id} me={me} /> },
];
