import { useState } from 'preact/hooks';
import { SelectField, TextField } from '../../../components/field';
import { api, itemsOf } from '../../../lib/api';
import type { Member, Page } from '../../../lib/types';
import { useLoad } from '../../../lib/use-load';

interface Props {
  schoolId: string;
  name: string;
  label: string;
  /** The person chosen at first (shown even when not among the first results). */
  initial?: { id: string; displayName: string } | null;
  /** Offer "Nobody" as a choice. */
  allowNone?: boolean;
  error?: string;
}

/** Chooses a member of one school: the first fifty by name, or those a search finds. */
export function PersonSelect({ schoolId, name, label, initial, allowNone, error }: Props) {
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState('');
  const people = useLoad(
    async () => itemsOf(await api.get<Page<Member>>('/members', { institutionId: schoolId, q: search || undefined, limit: 50 })),
    [schoolId, search],
  );
  const options = (people.data ?? []).map((m) => ({ value: m.id, label: m.displayName }));
  if (initial && !options.some((o) => o.value === initial.id)) options.unshift({ value: initial.id, label: initial.displayName });
  return (
    <div class="person-select">
      <div class="inline-form">
        <TextField
          label={`Find a person for “${label}”`}
          type="search"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          // Enter searches; it must not submit the form this picker sits in.
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            setSearch(query.trim());
          }}
        />
        <button type="button" class="button button-secondary button-small" onClick={() => setSearch(query.trim())}>
          Find
        </button>
      </div>
      <SelectField
        key={`${search}-${options.length}`}
        label={label}
        name={name}
        options={options}
        empty={allowNone ? 'Nobody' : undefined}
        defaultValue={initial?.id ?? (allowNone ? '' : options[0]?.value)}
        error={error}
      />
    </div>
  );
}
