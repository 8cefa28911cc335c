import { toLocalInput } from './notification-options';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface QuietState {
  on: boolean;
  /** A datetime-local value, in this browser's time. */
  until: string;
}

interface Props {
  value: QuietState;
  error?: string;
  onChange: (next: QuietState) => void;
}

/** Off, or quiet until a chosen moment; the quick choices fill the date so it can still be adjusted. */
export function QuietMode({ value, error, onChange }: Props) {
  const later = (ms: number) => onChange({ on: true, until: toLocalInput(new Date(Date.now() + ms).toISOString()) });
  return (
    <fieldset class="choice-group">
      <legend>
        <h2>Quiet mode</h2>
      </legend>
      <p class="hint" id="quiet-hint">
        Pause notification emails for a while, during exams or time away. Notifications still collect here for when you are back.
      </p>
      <div class="field-check">
        <input type="radio" id="quiet-off" name="quiet" checked={!value.on} onChange={() => onChange({ ...value, on: false })} />
        <label for="quiet-off">Off</label>
      </div>
      <div class="field-check">
        <input type="radio" id="quiet-on" name="quiet" checked={value.on} onChange={() => onChange({ ...value, on: true })} />
        <label for="quiet-on">Quiet until a date and time</label>
      </div>
      <div class={`field quiet-until${error ? ' has-error' : ''}`}>
        <label for="quiet-until">Quiet until</label>
        <input
          type="datetime-local"
          id="quiet-until"
          name="quietUntil"
          value={value.until}
          disabled={!value.on}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'quiet-hint quiet-until-error' : 'quiet-hint'}
          onInput={(event) => onChange({ on: true, until: (event.currentTarget as HTMLInputElement).value })}
        />
        {error && (
          <p id="quiet-until-error" class="field-error">
            {error}
          </p>
        )}
      </div>
      <div class="actions">
        <button type="button" class="button button-small button-secondary" onClick={() => later(DAY_MS)}>
          Quiet for 1 day
        </button>
        <button type="button" class="button button-small button-secondary" onClick={() => later(7 * DAY_MS)}>
          Quiet for 1 week
        </button>
      </div>
    </fieldset>
  );
}
