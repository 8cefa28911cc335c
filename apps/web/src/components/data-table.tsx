import type { ComponentChildren } from 'preact';

interface Props {
  caption: string;
  /** Most tables sit under a heading that already names them; their caption is for screen readers only. */
  visibleCaption?: boolean;
  columns: string[];
  /** Adds a last column for each row's buttons, named only for screen readers. */
  actions?: boolean;
  class?: string;
  /** Set while the rows are being fetched again. */
  busy?: boolean;
  /** Shown as the only row when there is nothing to list. */
  empty?: ComponentChildren;
  children: ComponentChildren;
}

export function DataTable({ caption, visibleCaption, columns, actions, class: className, busy, empty, children }: Props) {
  return (
    <div class="table-wrap">
      <table class={className}>
        <caption class={visibleCaption ? undefined : 'visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            {actions && (
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody aria-busy={busy === undefined ? undefined : busy ? 'true' : 'false'}>
          {children}
          {empty && (
            <tr>
              <td colSpan={columns.length + (actions ? 1 : 0)} class="muted">
                {empty}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
