import { dayLabel, STATUS_LABELS } from './path-labels';
import type { ItemStatus, Tally } from './types';

/** The member's status on an item, in words (never colour alone). */
export function StatusBadge({ status }: { status: ItemStatus }) {
  return <span class={`path-status path-status-${status}`}>{STATUS_LABELS[status]}</span>;
}

export function OverdueMark({ dueOn }: { dueOn: string | null }) {
  return <span class="path-overdue">Overdue{dueOn ? ` since ${dayLabel(dueOn)}` : ''}</span>;
}

/** A labelled progress bar with the same numbers in text beside it. */
export function ProgressBar({ tally, label }: { tally: Tally; label: string }) {
  const text = tally.requiredTotal
    ? `${tally.requiredDone} of ${tally.requiredTotal} required items done`
    : `${tally.done} of ${tally.total} items done`;
  return (
    <div class="path-progress">
      <progress
        max={Math.max(1, tally.requiredTotal || tally.total)}
        value={tally.requiredTotal ? tally.requiredDone : tally.done}
        aria-label={label}
      />
      <span>{text}</span>
    </div>
  );
}
