import type { Ref } from 'preact';
import { schoolRoleLabel } from '../lib/labels';
import type { Member } from '../lib/types';

export function MemberCard({ member, linkRef }: { member: Member; linkRef?: Ref<HTMLAnchorElement> }) {
  const role = schoolRoleLabel(member.schoolRole);
  return (
    <article class="card member-card" aria-labelledby={`member-${member.id}`}>
      <h2 class="member-name" id={`member-${member.id}`}>
        <a href={`/members/${member.id}`} ref={linkRef}>
          {member.displayName}
        </a>
        {member.pronouns && <span class="muted pronouns"> ({member.pronouns})</span>}
      </h2>
      <p class="member-meta">{[role, member.institution?.name].filter(Boolean).join(' · ') || 'Consortium member'}</p>
      {member.expertise.length > 0 && (
        <ul class="tags" aria-label="Areas of expertise">
          {member.expertise.map((e) => (
            <li key={e} class="tag">
              {e}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
