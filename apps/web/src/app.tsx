import type { ComponentChildren, VNode } from 'preact';
import { lazyPage } from './components/lazy-page';
import { Loading } from './components/loading';
import { Page } from './components/page';
import { Redirect } from './components/redirect';
import { SiteHeader } from './components/site-header';
import { matchPath, useLocation } from './lib/router';
import { safeNext } from './lib/safe-next';
import { loadSession, useSession } from './lib/session';
import type { Route } from './lib/route-types';
import { AcceptInvitationPage } from './pages/accept-invitation.page';
import { HomePage } from './pages/home.page';
import { MemberPage } from './pages/member.page';
import { MembersPage } from './pages/members.page';
import { NotFoundPage } from './pages/not-found.page';
import { ProfilePage } from './pages/profile.page';
import { SignInPage } from './pages/sign-in.page';
import { PROGRAM_ASSESSMENTS_ROUTES } from './pages/program/assessments/routes';
import { PROGRAM_CHANGE_ROUTES } from './pages/program/change/routes';
import { PROGRAM_PATH_ROUTES } from './pages/program/path/routes';
import { PROGRAM_SESSIONS_ROUTES } from './pages/program/sessions/routes';

const SchoolsPage = lazyPage(() => import('./pages/admin/schools.page').then((m) => m.SchoolsPage));
const CohortsPage = lazyPage(() => import('./pages/admin/cohorts.page').then((m) => m.CohortsPage));
const GroupsPage = lazyPage(() => import('./pages/admin/groups.page').then((m) => m.GroupsPage));
// The forum is split too: its topic page carries the socket.io client, which the entry need not pay for.
const ForumPage = lazyPage(() => import('./pages/forum/forum.page').then((m) => m.ForumPage));
const SpacePage = lazyPage(() => import('./pages/forum/space.page').then((m) => m.SpacePage));
const TopicPage = lazyPage(() => import('./pages/forum/topic.page').then((m) => m.TopicPage));
const ReviewPage = lazyPage(() => import('./pages/forum/review.page').then((m) => m.ReviewPage));
const ReportsPage = lazyPage(() => import('./pages/forum/reports.page').then((m) => m.ReportsPage));
// Chats for Change carry the socket.io client and their own parts: loaded only when a chat page opens.
const RoomsPage = lazyPage(() => import('./pages/chat/rooms.page').then((m) => m.RoomsPage));
const RoomPage = lazyPage(() => import('./pages/chat/room.page').then((m) => m.RoomPage));
// The knowledge base and search load only when opened; the header's search box is a plain form.
const KnowledgePage = lazyPage(() => import('./pages/knowledge/knowledge.page').then((m) => m.KnowledgePage));
const ArticlePage = lazyPage(() => import('./pages/knowledge/article.page').then((m) => m.ArticlePage));
const NewArticlePage = lazyPage(() => import('./pages/knowledge/article-editor.page').then((m) => m.NewArticlePage));
const EditArticlePage = lazyPage(() => import('./pages/knowledge/article-editor.page').then((m) => m.EditArticlePage));
const CollectionPage = lazyPage(() => import('./pages/knowledge/collection.page').then((m) => m.CollectionPage));
const DashboardPage = lazyPage(() => import('./pages/knowledge/dashboard.page').then((m) => m.DashboardPage));
const SearchPage = lazyPage(() => import('./pages/search/search.page').then((m) => m.SearchPage));
const InvitationsPage = lazyPage(() => import('./pages/admin/invitations.page').then((m) => m.InvitationsPage));
const ForgotPasswordPage = lazyPage(() => import('./pages/forgot-password.page').then((m) => m.ForgotPasswordPage));
const ResetPasswordPage = lazyPage(() => import('./pages/reset-password.page').then((m) => m.ResetPasswordPage));
const JobsPage = lazyPage(() => import('./pages/admin/jobs.page').then((m) => m.JobsPage));
// Notifications: the bell lives in the header; the full list, settings and unsubscribe page load when opened.
const NotificationsPage = lazyPage(() => import('./pages/notifications/notifications.page').then((m) => m.NotificationsPage));
const NotificationSettingsPage = lazyPage(() =>
  import('./pages/settings/notification-settings.page').then((m) => m.NotificationSettingsPage),
);
const UnsubscribePage = lazyPage(() => import('./pages/unsubscribe.page').then((m) => m.UnsubscribePage));


const PUBLIC_ROUTES: { path: string; render: (params: Record<string, string>, search: string) => VNode }[] = [
  { path: '/signin', render: (_, search) => <SignInPage search={search} /> },
  { path: '/invite/:token', render: (p) => <AcceptInvitationPage token={p.token} /> },
  { path: '/password/forgot', render: () => <ForgotPasswordPage /> },
  { path: '/password/reset/:token', render: (p) => <ResetPasswordPage token={p.token} /> },
  // Reached from an email's footer, often on a phone that is not signed in.
  { path: '/unsubscribe', render: (_, search) => <UnsubscribePage search={search} /> },
];

const ROUTES: Route[] = [
  ...PROGRAM_PATH_ROUTES,
  ...PROGRAM_SESSIONS_ROUTES,
  ...PROGRAM_ASSESSMENTS_ROUTES,
  ...PROGRAM_CHANGE_ROUTES,
  { path: '/', render: ({ me }) => <HomePage me={me} /> },
  { path: '/members', render: ({ search }) => <MembersPage search={search} /> },
  { path: '/members/:id', render: ({ params }) => <MemberPage id={params.id} /> },
  { path: '/profile', render: ({ me }) => <ProfilePage me={me} /> },
  { path: '/forum', render: ({ me, search }) => <ForumPage me={me} search={search} /> },
  { path: '/forum/review', render: () => <ReviewPage /> },
  { path: '/forum/reports', render: () => <ReportsPage /> },
  { path: '/forum/s/:spaceId', render: ({ me, params }) => <SpacePage id={params.spaceId} me={me} /> },
  { path: '/forum/t/:topicId', render: ({ params }) => <TopicPage id={params.topicId} /> },
  { path: '/knowledge', render: ({ me, search }) => <KnowledgePage me={me} search={search} /> },
  { path: '/knowledge/new', render: ({ me }) => <NewArticlePage me={me} /> },
  { path: '/knowledge/dashboard', render: () => <DashboardPage /> },
  { path: '/knowledge/a/:id', render: ({ me, params }) => <ArticlePage id={params.id} me={me} /> },
  { path: '/knowledge/a/:id/edit', render: ({ me, params }) => <EditArticlePage id={params.id} me={me} /> },
  { path: '/knowledge/c/:id', render: ({ me, params }) => <CollectionPage id={params.id} me={me} /> },
  { path: '/search', render: ({ search }) => <SearchPage search={search} /> },
  { path: '/chat', render: ({ me }) => <RoomsPage me={me} /> },
  { path: '/chat/r/:id', render: ({ params }) => <RoomPage id={params.id} /> },
  { path: '/notifications', render: ({ search }) => <NotificationsPage search={search} /> },
  { path: '/settings/notifications', render: () => <NotificationSettingsPage /> },
  {
    path: '/admin/schools',
    allow: (me) => me.can.manageInstitutions || me.schoolLeadOf.length > 0,
    render: ({ me }) => <SchoolsPage me={me} />,
  },
  { path: '/admin/cohorts', allow: (me) => me.can.manageCohorts, render: ({ me }) => <CohortsPage me={me} /> },
  { path: '/admin/groups', allow: (me) => me.can.manageGroups, render: ({ me }) => <GroupsPage me={me} /> },
  { path: '/admin/invitations', allow: (me) => me.can.invite, render: ({ me }) => <InvitationsPage me={me} /> },
  { path: '/admin/jobs', allow: (me) => me.platformRole === 'admin', render: () => <JobsPage /> },
];

function find<T extends { path: string }>(routes: T[], path: string): { route: T; params: Record<string, string> } | null {
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return null;
}

function Content({ path, search }: { path: string; search: string }): VNode {
  const { me, loadError } = useSession();

  // Public pages never wait for GET /me; only someone already signed in is moved off the sign-in form.
  const open = find(PUBLIC_ROUTES, path);
  if (open) {
    if (path === '/signin' && me) return <Redirect to={safeNext(search)} />;
    return open.route.render(open.params, search);
  }

  if (loadError) {
    return (
      <Page title="ART Commons is not reachable">
        <p>{loadError}</p>
        <button type="button" class="button" onClick={() => void loadSession()}>
          Try again
        </button>
      </Page>
    );
  }
  if (me === undefined) return <Loading />;
  if (me === null) {
    const next = path === '/' ? '' : `?next=${encodeURIComponent(path + search)}`;
    return <Redirect to={`/signin${next}`} />;
  }

  const hit = find(ROUTES, path);
  if (!hit || (hit.route.allow && !hit.route.allow(me))) return <NotFoundPage />;
  return hit.route.render({ me, params: hit.params, search });
}

function Shell({ children, path }: { children: ComponentChildren; path: string }) {
  const { me } = useSession();
  return (
    <>
      <a href="#main" class="skip-link">
        Skip to main content
      </a>
      <SiteHeader me={me} path={path} />
      <main id="main" tabIndex={-1} class="site-main">
        {children}
      </main>
      <footer class="site-footer">
        <p>ART Commons · a shared space of the consortium working to dismantle racism in medical education.</p>
      </footer>
    </>
  );
}

export function App() {
  const { path, search, visit } = useLocation();
  return (
    <Shell path={path}>
      {/* Keyed by visit so every navigation mounts the page afresh: state resets and the h1 takes focus.
          Filters that only rewrite the query string use replaceSearch, which is not a visit, so they keep state. */}
      <Content key={visit} path={path} search={search} />
    </Shell>
  );
}
