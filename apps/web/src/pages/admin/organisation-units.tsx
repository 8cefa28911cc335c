import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { DataTable } from '../../components/data-table';
import { Loading } from '../../components/loading';
import { api } from '../../lib/api';
import type { Loaded } from '../../lib/use-load';
import { useAction } from '../../lib/use-submit';
import { MembershipPanel } from './membership-panel';

/** Cohorts and groups: named sets of people, managed the same way. */
type Collection = 'cohorts' | 'groups';

interface Unit {
  id: string;
  name: string;
  institutionId: string | null;
  memberCount?: number;
}

const SINGULAR: Record<Collection, string> = { cohorts: 'cohort', groups: 'group' };

/**
 * State for a page listing cohorts or groups: its status line, the row whose members are open,
 * and deleting or adding rows without reloading the list.
 */
export function useOrganisationUnits<T extends Unit>(
  collection: Collection,
  units: Loaded<T[]>,
  options: { addAtTop?: boolean } = {},
) {
  const status = useAction();
  const [open, setOpen] = useState<T | null>(null);

  function remove(unit: T) {
    if (!window.confirm(`Delete the ${SINGULAR[collection]} ${unit.name}?`)) return;
    void status.run(async () => {
      await api.delete(`/${collection}/${unit.id}`);
      units.setData((list) => list?.filter((u) => u.id !== unit.id));
      if (open?.id === unit.id) setOpen(null);
      return `${unit.name} was deleted.`;
    });
  }

  function added(unit: T) {
    const row = { memberCount: 0, ...unit };
    units.setData((list) => (options.addAtTop ? [row, ...(list ?? [])] : [...(list ?? []), row]));
    status.setMessage(`${unit.name} was added.`);
  }

  return { collection, units, status, open, setOpen, remove, added };
}

interface Column<T> {
  header: string;
  cell: (unit: T) => ComponentChildren;
}

interface Props<T extends Unit> {
  list: ReturnType<typeof useOrganisationUnits<T>>;
  /** Shown instead of the table. */
  loading: boolean;
  caption: string;
  visibleCaption?: boolean;
  /** Between the name and the member count. */
  columns: Column<T>[];
}

/** The table of cohorts or groups, and the members panel for the one opened. */
export function OrganisationUnitTable<T extends Unit>({ list, loading, caption, visibleCaption, columns }: Props<T>) {
  const { collection, units, open, setOpen } = list;
  return (
    <>
      {loading ? (
        <Loading what={`Loading ${collection}`} />
      ) : (
        <DataTable
          caption={caption}
          visibleCaption={visibleCaption}
          columns={['Name', ...columns.map((c) => c.header), 'Members']}
          actions
          empty={units.data?.length === 0 && `No ${collection} yet.`}
        >
          {(units.data ?? []).map((u) => (
            <tr key={u.id}>
              <th scope="row">{u.name}</th>
              {columns.map((c) => (
                <td key={c.header}>{c.cell(u)}</td>
              ))}
              <td>{u.memberCount ?? ''}</td>
              <td class="row-actions">
                <button
                  type="button"
                  class="button button-small button-secondary"
                  onClick={() => setOpen(u)}
                  aria-label={`Manage members of ${u.name}`}
                >
                  Members
                </button>
                <button
                  type="button"
                  class="button button-small button-danger"
                  onClick={() => list.remove(u)}
                  aria-label={`Delete ${u.name}`}
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {open && (
        <MembershipPanel
          collection={collection}
          id={open.id}
          name={open.name}
          institutionId={open.institutionId}
          onChanged={(delta) =>
            units.setData((list) =>
              list?.map((u) => (u.id === open.id ? { ...u, memberCount: (u.memberCount ?? 0) + delta } : u)),
            )
          }
          onClose={() => setOpen(null)}
        />
      )}
    </>
  );
}
