import { Fact } from '../components/fact';
import { Loading } from '../components/loading';
import { FormStatus } from '../components/form-status';
import { Page } from '../components/page';
import { api, ApiError } from '../lib/api';
import { platformRoleLabel, schoolRoleLabel } from '../lib/labels';
import type { Member } from '../lib/types';
import { useLoad } from '../lib/use-load';

export function MemberPage({ id }: { id: string }) {
  const member = useLoad(() => api.get<Member>(`/members/${encodeURIComponent(id)}`), [id]);

  if (member.loading) {
    return (
      <Page title="Member profile">
        <Loading what="Loading profile" />
      </Page>
    );
  }
  if (member.error || !member.data) {
    const missing = member.error instanceof ApiError && [404, 400].includes(member.error.status);
    return (
      <Page title={missing ? 'Member not found' : 'Member profile'}>
        {missing ? <p>We could not find that member. They may have left, or the link may be incomplete.</p> : <FormStatus error={member.error} />}
        <p>
          <a href="/members">Back to the member directory</a>
        </p>
      </Page>
    );
  }

  const m = member.data;
  return (
    <Page title={m.displayName}>
      <p class="page-intro">
        <a href="/members">Back to the member directory</a>
      </p>
      <div class="grid">
        <section class="card" aria-labelledby="about-title">
          <h2 id="about-title">About</h2>
          <dl class="facts">
            {m.pronouns && <Fact term="Pronouns">{m.pronouns}</Fact>}
            <Fact term="School">{m.institution?.name ?? <span class="muted">Not linked to a school</span>}</Fact>
            <Fact term="School role">{m.schoolRole ? schoolRoleLabel(m.schoolRole) : <span class="muted">Not set</span>}</Fact>
            {(m.platformRole !== 'member' || m.schoolLead) && (
              <Fact term="On ART Commons">{[m.platformRole !== 'member' && platformRoleLabel(m.platformRole), m.schoolLead && 'School lead'].filter(Boolean).join(', ')}</Fact>
            )}
            {m.status && m.status !== 'active' && (
              <Fact term="Account">{m.status === 'deactivated' ? 'Deactivated' : m.status}</Fact>
            )}
            {m.email && (
              <Fact term="Email">
                <a href={`mailto:${m.email}`}>{m.email}</a>
              </Fact>
            )}
          </dl>
        </section>
        <section class="card" aria-labelledby="bio-title">
          <h2 id="bio-title">Bio</h2>
          {m.bio ? <p class="prewrap">{m.bio}</p> : <p class="muted">No bio yet.</p>}
          <h2>Areas of expertise</h2>
          {m.expertise.length ? (
            <ul class="tags">
              {m.expertise.map((e) => (
                <li key={e} class="tag">
                  <a href={`/members?expertise=${encodeURIComponent(e)}`}>{e}</a>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">None listed.</p>
          )}
        </section>
      </div>
    </Page>
  );
}
