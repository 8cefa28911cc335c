import { DataTable } from '../../components/data-table';
import type { DeliveryChannel, NotificationPreferences } from '../../lib/notification-types';
import { CHANNELS } from './notification-options';

interface Props {
  kinds: NotificationPreferences['kinds'];
  errors: Record<string, string>;
  onChange: (kind: string, channel: DeliveryChannel) => void;
}

/** One row per kind of notification, each with its own way of reaching the person. */
export function KindChannels({ kinds, errors, onChange }: Props) {
  return (
    <DataTable
      caption="How you hear about each kind of notification"
      columns={['When', 'How you hear about it']}
      class="kind-channels"
    >
      {kinds.map((k) => {
        const error = errors[`kinds.${k.kind}`] ?? errors[k.kind];
        return (
          <tr key={k.kind}>
            <th scope="row" id={`kind-${k.kind}`}>
              {k.label}
            </th>
            <td class={error ? 'has-error' : undefined}>
              <select
                name={`kind-${k.kind}`}
                aria-labelledby={`kind-${k.kind}`}
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={error ? `kind-${k.kind}-error` : undefined}
                value={k.channel}
                onChange={(event) => onChange(k.kind, (event.currentTarget as HTMLSelectElement).value as DeliveryChannel)}
              >
                {CHANNELS.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
              {error && (
                <p id={`kind-${k.kind}-error`} class="field-error">
                  {error}
                </p>
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
