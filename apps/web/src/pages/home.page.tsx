import { Fact } from '../components/fact';
import { Page } from '../components/page';
import { groupKindLabel, platformRoleLabel, schoolRoleLabel } from '../lib/labels';
import type { Me } from '../lib/types';

const COMING_SOON: { title: string; text: string; href?: string }[] = [
  {
    title: 'Forums',
    text: 'Threaded conversations across the consortium and within your school, with care for who can see what.',
    href: '/forum',
  },
  {
    title: 'Chats for Change',
    text: 'Scheduled, facilitated conversations to share practice and reflect together.',
  },
  {
    title: 'Knowledge base',
    text: 'Curricula, tools and lessons learned, shared between schools.',
  },
  {
    title: 'Program phases',
    text: "Track your school's progress through the program and see what comes next.",
  },
];

export function HomePage({ me }: { me: Me }) {
  const adminLinks = [
    me.can.invite && { href: '/admin/invitations', label: 'Invite people' },
    me.can.manageCohorts && { href: '/admin/cohorts', label: 'Manage cohorts' },
    me.can.manageGroups && { href: '/admin/groups', label: 'Manage groups' },
    (me.can.manageInstitutions || me.schoolLeadOf.length > 0) && { href: '/admin/schools', label: 'Manage schools' },
  ].filter((x): x is { href: string; label: string } => !!x);
  const isLead = !!me.institution && me.schoolLeadOf.includes(me.institution.id);

  return (
    <Page title={`Welcome, ${me.displayName}`} documentTitle="Home">
      <div class="grid">
        <section class="card" aria-labelledby="you-title">
          <h2 id="you-title">About you</h2>
          <dl class="facts">
            <Fact term="Name">
              {me.displayName}
              {me.pronouns && <span class="muted"> ({me.pronouns})</span>}
            </Fact>
            <Fact term="Email">{me.email}</Fact>
            <Fact term="School role">{me.schoolRole ? schoolRoleLabel(me.schoolRole) : <span class="muted">Not set</span>}</Fact>
            <Fact term="Platform role">
              {platformRoleLabel(me.platformRole)}
              {isLead && ', school lead'}
            </Fact>
          </dl>
          <p>
            <a href="/profile">Update your details</a>
          </p>
        </section>

        <section class="card" aria-labelledby="school-title">
          <h2 id="school-title">Your school</h2>
          {me.institution ? <p class="lead-text">{me.institution.name}</p> : <p class="muted">You are not linked to a school.</p>}
          <h3>Cohorts</h3>
          {me.cohorts.length ? (
            <ul class="plain-list">
              {me.cohorts.map((c) => (
                <li key={c.id}>
                  {c.name} <span class="muted">(program year {c.programYear})</span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">You are not in a cohort yet.</p>
          )}
          <h3>Groups</h3>
          {me.groups.length ? (
            <ul class="plain-list">
              {me.groups.map((g) => (
                <li key={g.id}>
                  {g.name} <span class="muted">({groupKindLabel(g.kind)})</span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">You are not in a group yet.</p>
          )}
        </section>

        <section class="card" aria-labelledby="next-title">
          <h2 id="next-title">Get started</h2>
          <ul class="plain-list link-list">
            <li>
              <a href="/members">Find members across the consortium</a>
            </li>
            {adminLinks.map((link) => (
              <li key={link.href}>
                <a href={link.href}>{link.label}</a>
              </li>
            ))}
          </ul>
        </section>
      </div>

      <section aria-labelledby="soon-title" class="soon">
        <h2 id="soon-title">Forums and what comes next</h2>
        <ul class="grid soon-grid">
          {COMING_SOON.map((item) => (
            <li key={item.title} class="card card-quiet">
              <h3>{item.href ? <a href={item.href}>{item.title}</a> : item.title}</h3>
              <p>{item.text}</p>
              {item.href ? (
                <p>
                  <a href={item.href}>Open the forum</a>
                </p>
              ) : (
                <p class="badge">Coming soon</p>
              )}
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}
