import type { ComponentChildren } from 'preact';

interface Props {
  busy: boolean;
  /** Replaces the label while the form is being sent. */
  busyLabel?: string;
  secondary?: boolean;
  children: ComponentChildren;
}

/** Disabled while the form is being sent, so one click cannot send it twice. */
export function SubmitButton({ busy, busyLabel, secondary, children }: Props) {
  return (
    <button type="submit" class={secondary ? 'button button-secondary' : 'button'} disabled={busy}>
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}
