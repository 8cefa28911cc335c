import { useState } from 'preact/hooks';
import { TextField } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { api } from '../../lib/api';
import type { Member, Page as ListPage } from '../../lib/types';
import { useAction } from '../../lib/use-submit';
import type { PersonRef } from './knowledge-types';

interface Props {
  /** People who may not be chosen (the authors). */
  exclude: string[];
  /** What the confirm button says and does with the chosen ids. */
  confirmLabel: string;
  onConfirm: (reviewerIds: string[]) => Promise<void>;
  onCancel: () => void;
}

/**
 * Finds reviewers in the member directory by name and collects them; the server decides who is eligible
 * (contributors, facilitators, the scope's curators) and says so when someone is not.
 */
export function ReviewerPicker({ exclude, confirmLabel, onConfirm, onCancel }: Props) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Member[] | null>(null);
  const [chosen, setChosen] = useState<PersonRef[]>([]);
  const finding = useAction();
  const sending = useAction();
  const [busy, setBusy] = useState(false);

  function find(event: Event) {
    event.preventDefault();
    void finding.run(async () => {
      const page = await api.get<ListPage<Member>>('/members', { q: q.trim(), limit: 10 });
      setFound(page.items.filter((m) => !exclude.includes(m.id)));
    });
  }

  async function confirm() {
    if (chosen.length === 0) {
      sending.setError('Choose at least one reviewer.');
      return;
    }
    setBusy(true);
    await sending.run(() => onConfirm(chosen.map((c) => c.id)));
    setBusy(false);
  }

  return (
    <div class="card reviewer-picker">
      <form class="inline-form" role="search" aria-label="Find reviewers" onSubmit={find}>
        <TextField label="Find a reviewer" name="q" type="search" value={q} onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)} hint="A name; reviewers are contributors or facilitators." />
        <div class="actions">
          <button type="submit" class="button button-secondary">
            Find
          </button>
        </div>
      </form>
      <FormStatus error={finding.error} />
      {found && found.length === 0 && <p class="muted">No one by that name.</p>}
      {found && found.length > 0 && (
        <ul class="row-list" aria-label="People found">
          {found.map((m) => (
            <li key={m.id}>
              {m.displayName}
              {m.institution ? <span class="muted"> · {m.institution.name}</span> : null}{' '}
              <button
                type="button"
                class="button button-small button-secondary"
                disabled={chosen.some((c) => c.id === m.id)}
                onClick={() => setChosen([...chosen, { id: m.id, displayName: m.displayName }])}
              >
                Add {m.displayName}
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3>Chosen reviewers</h3>
      {chosen.length === 0 ? (
        <p class="muted">No one yet.</p>
      ) : (
        <ul class="row-list" aria-label="Chosen reviewers">
          {chosen.map((c) => (
            <li key={c.id}>
              {c.displayName}{' '}
              <button type="button" class="button button-small button-secondary" onClick={() => setChosen(chosen.filter((x) => x.id !== c.id))}>
                Remove {c.displayName}
              </button>
            </li>
          ))}
        </ul>
      )}
      <FormStatus error={sending.error} />
      <div class="actions">
        <button type="button" class="button" onClick={confirm} disabled={busy}>
          {confirmLabel}
        </button>
        <button type="button" class="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
