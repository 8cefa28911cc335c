import { useEffect, useRef, useState } from 'preact/hooks';
import { TextField } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { api } from '../../lib/api';
import { schoolRoleLabel } from '../../lib/labels';
import type { Member, Page } from '../../lib/types';
import { useAction } from '../../lib/use-submit';

interface Props {
  /** API collection: cohorts and groups share the same member routes. */
  collection: 'cohorts' | 'groups';
  id: string;
  name: string;
  /** Limits the people search to one school (cohorts belong to a school). */
  institutionId?: string | null;
  /** +1 or -1, so the caller can keep its member count right without reloading its list. */
  onChanged?: (delta: number) => void;
  onClose: () => void;
}

function describe(m: Member): string {
  return [schoolRoleLabel(m.schoolRole), m.institution?.name].filter(Boolean).join(' · ');
}

export function MembershipPanel({ collection, id, name, institutionId, onChanged, onClose }: Props) {
  const [members, setMembers] = useState<Member[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [results, setResults] = useState<Member[] | null>(null);
  const status = useAction();
  const heading = useRef<HTMLHeadingElement>(null);
  const base = `/${collection}/${id}/members`;

  async function loadMembers(after: string | null) {
    setLoading(true);
    try {
      const page = await api.get<Page<Member>>(base, { cursor: after, limit: 50 });
      setMembers((prev) => (after ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor ?? null);
    } catch (failure) {
      status.setError(failure);
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    setResults(null);
    status.setMessage(null);
    status.setError(null);
    void loadMembers(null);
    heading.current?.focus();
  }, [id]);

  async function search(event: Event) {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget as HTMLFormElement).get('q') ?? '').trim();
    await status.run(async () => {
      const page = await api.get<Page<Member>>('/members', { q, institutionId: institutionId ?? undefined, limit: 20 });
      setResults(page.items);
      return page.items.length ? `${page.items.length} people found.` : 'Nobody matches that search.';
    });
  }

  async function add(person: Member) {
    await status.run(async () => {
      await api.post<void>(base, { userId: person.id });
      setMembers((prev) => (prev.some((m) => m.id === person.id) ? prev : [...prev, person]));
      onChanged?.(1);
      return `${person.displayName} added to ${name}.`;
    });
  }

  async function remove(person: Member) {
    await status.run(async () => {
      await api.delete(`${base}/${person.id}`);
      setMembers((prev) => prev.filter((m) => m.id !== person.id));
      onChanged?.(-1);
      return `${person.displayName} removed from ${name}.`;
    });
  }

  const memberIds = new Set(members.map((m) => m.id));

  return (
    <section class="card panel" aria-labelledby="membership-title">
      <div class="panel-head">
        <h2 id="membership-title" ref={heading} tabIndex={-1}>
          Members of {name}
        </h2>
        <button type="button" class="button button-small button-secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <FormStatus error={status.error} success={status.message} />
      {loading && members.length === 0 ? (
        <Loading what="Loading members" />
      ) : members.length === 0 ? (
        <p class="muted">No members yet.</p>
      ) : (
        <ul class="row-list">
          {members.map((m) => (
            <li key={m.id}>
              <span>
                <a href={`/members/${m.id}`}>{m.displayName}</a> <span class="muted">{describe(m)}</span>
              </span>
              <button type="button" class="button button-small button-danger" onClick={() => remove(m)} aria-label={`Remove ${m.displayName} from ${name}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {cursor && !loading && (
        <button type="button" class="button button-small button-secondary" onClick={() => loadMembers(cursor)}>
          Load more members
        </button>
      )}

      <h3>Add people</h3>
      <form class="form inline-form" role="search" aria-label={`Find people to add to ${name}`} onSubmit={search}>
        <TextField label="Find a person" name="q" type="search" hint="Search by name." />
        <div class="actions">
          <button type="submit" class="button button-secondary">
            Find
          </button>
        </div>
      </form>
      {results && results.length > 0 && (
        <ul class="row-list">
          {results.map((m) => (
            <li key={m.id}>
              <span>
                {m.displayName} <span class="muted">{describe(m)}</span>
              </span>
              {memberIds.has(m.id) ? (
                <span class="muted">Already a member</span>
              ) : (
                <button type="button" class="button button-small" onClick={() => add(m)} aria-label={`Add ${m.displayName} to ${name}`}>
                  Add
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
