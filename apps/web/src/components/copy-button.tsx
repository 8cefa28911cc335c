import { useEffect, useState } from 'preact/hooks';

interface Props {
  text: string;
  /** Says what is copied, for people who cannot see which link the button sits beside. */
  label?: string;
  /** A longer accessible name; it must start with the visible label (WCAG 2.5.3). */
  ariaLabel?: string;
}

export function CopyButton({ text, label = 'Copy link', ariaLabel }: Props) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 4000);
    return () => window.clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      // Clipboard access needs a secure context or permission; say so rather than fail silently.
      setState('failed');
    }
  }

  return (
    <span class="copy">
      <button type="button" class="button button-small button-secondary" onClick={copy} aria-label={ariaLabel}>
        {label}
      </button>
      <span role="status" class="copy-status">
        {state === 'copied' ? 'Copied.' : state === 'failed' ? 'Could not copy; select the link and copy it by hand.' : ''}
      </span>
    </span>
  );
}
