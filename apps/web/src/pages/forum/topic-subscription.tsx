import { useState } from 'preact/hooks';
import { FormStatus } from '../../components/form-status';
import { api } from '../../lib/api';
import type { SubscriptionLevel } from '../../lib/forum-types';
import { useLoad } from '../../lib/use-load';
import { useAction } from '../../lib/use-submit';

const enc = encodeURIComponent;

const LEVELS: { level: SubscriptionLevel; label: string; explanation: string }[] = [
  { level: 'watching', label: 'Watching', explanation: 'You will be notified of every new reply.' },
  { level: 'tracking', label: 'Tracking', explanation: 'Unread replies are counted for you; you are notified when someone mentions you or replies to you.' },
  { level: 'normal', label: 'Normal', explanation: 'You are notified only when someone mentions you or replies to you.' },
  { level: 'muted', label: 'Muted', explanation: 'You are never notified about this topic.' },
];

/** How closely the reader follows this topic (GET/PUT /topics/:id/subscription); a choice is saved at once. */
export function TopicSubscription({ topicId }: { topicId: string }) {
  const current = useLoad(() => api.get<{ level: SubscriptionLevel }>(`/topics/${enc(topicId)}/subscription`), [topicId]);
  const action = useAction();
  const [saving, setSaving] = useState(false);
  // The radio shows the choice at once; it goes back if the server refuses it.
  const [chosen, setChosen] = useState<SubscriptionLevel | null>(null);
  const level = chosen ?? current.data?.level;

  async function choose(next: SubscriptionLevel) {
    setChosen(next);
    setSaving(true);
    await action.run(async () => {
      try {
        const saved = await api.put<{ level: SubscriptionLevel }>(`/topics/${enc(topicId)}/subscription`, { level: next });
        current.setData(() => saved);
        return `You are now ${LEVELS.find((l) => l.level === saved.level)?.label.toLowerCase() ?? saved.level} this topic.`;
      } finally {
        setChosen(null);
      }
    });
    setSaving(false);
  }

  return (
    <section class="card" aria-labelledby="subscription-title">
      <h2 id="subscription-title">Notifications</h2>
      <FormStatus error={current.error} />
      <fieldset class="subscription-levels" disabled={!current.data} aria-busy={current.loading || saving ? 'true' : 'false'}>
        <legend>How closely do you want to follow this topic?</legend>
        {LEVELS.map((l) => (
          <div class="field-check" key={l.level}>
            <input
              type="radio"
              id={`subscription-${l.level}`}
              name="subscription"
              value={l.level}
              checked={level === l.level}
              aria-describedby={`subscription-${l.level}-hint`}
              onChange={() => choose(l.level)}
            />
            <label for={`subscription-${l.level}`}>{l.label}</label>
            <p id={`subscription-${l.level}-hint`} class="hint">
              {l.explanation}
            </p>
          </div>
        ))}
      </fieldset>
      <FormStatus error={action.error} success={action.message} />
    </section>
  );
}
