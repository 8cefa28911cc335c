import { useState } from 'preact/hooks';
import { FormStatus } from '../../components/form-status';
import { api } from '../../lib/api';
import type { SubscriptionLevel } from '../../lib/forum-types';
import { useLoad } from '../../lib/use-load';

export const SUBSCRIPTION_LEVELS: { value: SubscriptionLevel; label: string; hint: string }[] = [
  { value: 'watching', label: 'Watching', hint: 'Hear about every new topic and every reply in this space.' },
  {
    value: 'tracking',
    label: 'Tracking',
    hint: 'See unread counts for its topics; hear only when someone mentions or replies to you.',
  },
  { value: 'normal', label: 'Normal', hint: 'Hear only when someone mentions you or replies to you.' },
  { value: 'muted', label: 'Muted', hint: 'Hear nothing from this space, even when mentioned.' },
];

/**
 * How closely the person follows the space (GET/PUT /spaces/:id/subscription). A choice saves at once; radios
 * rather than a menu, so each level's meaning is read with it.
 */
export function SpaceSubscription({ spaceId }: { spaceId: string }) {
  const path = `/spaces/${encodeURIComponent(spaceId)}/subscription`;
  const current = useLoad(() => api.get<{ level: SubscriptionLevel }>(path), [path]);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function choose(level: SubscriptionLevel) {
    const before = current.data?.level;
    current.setData(() => ({ level }));
    setError(null);
    setSaved(null);
    try {
      await api.put(path, { level });
      setSaved(`Notifications for this space: ${SUBSCRIPTION_LEVELS.find((l) => l.value === level)?.label}.`);
    } catch (failure) {
      if (before) current.setData(() => ({ level: before }));
      setError(failure);
    }
  }

  return (
    <section class="card subscription" aria-labelledby="subscription-title">
      <fieldset class="choice-group" disabled={!current.data}>
        <legend id="subscription-title">
          <h2>Notifications</h2>
        </legend>
        {SUBSCRIPTION_LEVELS.map((level) => (
          <div class="field-check choice" key={level.value}>
            <input
              type="radio"
              id={`subscription-${level.value}`}
              name="subscription"
              value={level.value}
              checked={current.data?.level === level.value}
              aria-describedby={`subscription-${level.value}-hint`}
              onChange={() => void choose(level.value)}
            />
            <label for={`subscription-${level.value}`}>{level.label}</label>
            <p id={`subscription-${level.value}-hint`} class="hint">
              {level.hint}
            </p>
          </div>
        ))}
      </fieldset>
      <p class="hint">Notifications are on their way to ART Commons; your choice is kept until they arrive.</p>
      <FormStatus error={error ?? current.error} success={saved} />
    </section>
  );
}
