import { useEffect, useState } from 'preact/hooks';
import { navigate } from '../lib/router';
import { signOut } from '../lib/session';
import { HeaderSearch } from './header-search';
import { NotificationBell } from './notification-bell';
import type { Me } from '../lib/types';

interface NavItem {
  href: string;
  label: string;
}

export function navItemsFor(me: Me): NavItem[] {
  const items: NavItem[] = [
    { href: '/', label: 'Home' },
    { href: '/forum', label: 'Forum' },
    { href: '/program', label: 'Program' },
    { href: '/calendar', label: 'Calendar' },
    { href: '/knowledge', label: 'Knowledge' },
    { href: '/chat', label: 'Chats' },
    { href: '/change', label: 'Change' },
    { href: '/members', label: 'Members' },
    { href: '/profile', label: 'Your profile' },
  ];
  if (me.can.manageInstitutions || me.schoolLeadOf.length > 0) items.push({ href: '/admin/schools', label: 'Schools' });
  if (me.can.manageCohorts) items.push({ href: '/admin/cohorts', label: 'Cohorts' });
  if (me.can.manageGroups) items.push({ href: '/admin/groups', label: 'Groups' });
  if (me.can.invite) items.push({ href: '/admin/invitations', label: 'Invitations' });
  if (me.platformRole === 'admin') items.push({ href: '/admin/instruments', label: 'Instruments' }, { href: '/admin/jobs', label: 'Jobs' });
  return items;
}

function isCurrent(href: string, path: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

interface Props {
  me: Me | null | undefined;
  path: string;
}

export function SiteHeader({ me, path }: Props) {
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);

  // A followed link should not leave the small-screen menu covering the new page.
  useEffect(() => setOpen(false), [path]);

  async function handleSignOut() {
    setSigningOut(true);
    try {
      await signOut();
    } finally {
      setSigningOut(false);
      navigate('/signin', { replace: true });
    }
  }

  const items = me ? navItemsFor(me) : [];

  return (
    <header class="site-header">
      <div class="site-header-inner">
        <a href={me ? '/' : '/signin'} class="brand">
          ART Commons
        </a>
        {me && <HeaderSearch />}
        {me && <NotificationBell userId={me.id} path={path} />}
        {me && (
          <button
            type="button"
            class="nav-toggle"
            aria-expanded={open ? 'true' : 'false'}
            aria-controls="site-nav"
            onClick={() => setOpen(!open)}
          >
            Menu
          </button>
        )}
        <nav id="site-nav" aria-label="Main" class="site-nav" data-open={open ? 'true' : 'false'}>
          {me ? (
            <>
              <ul class="nav-list">
                {items.map((item) => (
                  <li key={item.href}>
                    <a href={item.href} aria-current={isCurrent(item.href, path) ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
              <div class="nav-account">
                <span class="nav-who">
                  Signed in as <strong>{me.displayName}</strong>
                </span>
                <button type="button" class="button button-small button-secondary" onClick={handleSignOut} disabled={signingOut}>
                  {signingOut ? 'Signing out…' : 'Sign out'}
                </button>
              </div>
            </>
          ) : (
            <ul class="nav-list">
              <li>
                <a href="/signin" aria-current={path === '/signin' ? 'page' : undefined}>
                  Sign in
                </a>
              </li>
            </ul>
          )}
        </nav>
      </div>
    </header>
  );
}
