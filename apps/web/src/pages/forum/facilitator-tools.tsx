import type { Space } from '../../lib/forum-types';
import type { Me } from '../../lib/types';
import { AgreementEditor } from './agreement-editor';
import { SpaceSettingsForm } from './space-settings-form';

/**
 * Who sees the tools: the space's facilitators and consortium admins, and the lead of the school a school space
 * belongs to. The server decides in the end; this only keeps forms away from people it would refuse.
 */
export function mayRunSpace(space: Space, me: Me): boolean {
  if (space.isFacilitator || me.platformRole === 'admin') return true;
  const [kind, id] = space.scope.split(':');
  return kind === 'inst' && me.schoolLeadOf.includes(id);
}

interface Props {
  space: Space;
  onChange: (update: (space: Space) => Space) => void;
}

/** Settings and community agreements, each folded until opened so members' view of the page stays calm. */
export function FacilitatorTools({ space, onChange }: Props) {
  return (
    <section class="section facilitator-tools" aria-labelledby="facilitator-tools-title">
      <h2 id="facilitator-tools-title">Facilitator tools</h2>
      <details class="card tool">
        <summary>Space settings</summary>
        <SpaceSettingsForm space={space} onSaved={(updated) => onChange((current) => ({ ...current, ...updated }))} />
      </details>
      <details class="card tool">
        <summary>Community agreements</summary>
        <AgreementEditor
          spaceId={space.id}
          onPublished={(version) => onChange((current) => ({ ...current, agreementVersion: version }))}
        />
      </details>
    </section>
  );
}
