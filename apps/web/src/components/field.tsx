import type {
  ComponentChildren,
  InputHTMLAttributes,
  PartialInputHTMLAttributes,
  PartialSelectHTMLAttributes,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'preact';
import { useId } from 'preact/hooks';

interface Common {
  label: string;
  hint?: ComponentChildren;
  error?: string;
  /** Marked in the hint rather than the label, so the label's text stays exactly `label`. */
  optional?: boolean;
}

function describedBy(hintId: string, errorId: string, hint: unknown, error: unknown, optional?: boolean): string | undefined {
  const ids = [hint || optional ? hintId : '', error ? errorId : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Extras({ hintId, errorId, hint, error, optional }: { hintId: string; errorId: string } & Omit<Common, 'label'>) {
  return (
    <>
      {(hint || optional) && (
        <p id={hintId} class="hint">
          {optional && <span class="optional">Optional.</span>} {hint}
        </p>
      )}
      {error && (
        <p id={errorId} class="field-error">
          {error}
        </p>
      )}
    </>
  );
}

// Preact types <input> as a union keyed by `type`; the props here use the plain shape and are
// narrowed back when spread, since each field sets a fixed, valid type.
type InputProps = Common & Omit<PartialInputHTMLAttributes<HTMLInputElement>, 'label' | 'role'> & { type?: string };

export function TextField({ label, hint, error, optional, id, ...input }: InputProps) {
  const auto = useId();
  const fieldId = id ?? `f${auto}`;
  const hintId = `${fieldId}-hint`;
  const errorId = `${fieldId}-error`;
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={fieldId}>{label}</label>
      <input
        id={fieldId}
        {...({ type: 'text', ...input } as InputHTMLAttributes<HTMLInputElement>)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(hintId, errorId, hint, error, optional)}
      />
      <Extras hintId={hintId} errorId={errorId} hint={hint} error={error} optional={optional} />
    </div>
  );
}

type TextAreaProps = Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'label'>;

export function TextArea({ label, hint, error, optional, id, ...area }: TextAreaProps) {
  const auto = useId();
  const fieldId = id ?? `f${auto}`;
  const hintId = `${fieldId}-hint`;
  const errorId = `${fieldId}-error`;
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={fieldId}>{label}</label>
      <textarea
        id={fieldId}
        rows={4}
        {...area}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(hintId, errorId, hint, error, optional)}
      />
      <Extras hintId={hintId} errorId={errorId} hint={hint} error={error} optional={optional} />
    </div>
  );
}

interface Option {
  value: string;
  label: string;
}

type SelectProps = Common &
  Omit<PartialSelectHTMLAttributes<HTMLSelectElement>, 'label' | 'role'> & {
    options: Option[];
    /** Label of a leading empty option ("Any school", "Not set"); omitted when a choice is required. */
    empty?: string;
  };

export function SelectField({ label, hint, error, optional, id, options, empty, defaultValue, ...select }: SelectProps) {
  const auto = useId();
  const fieldId = id ?? `f${auto}`;
  const hintId = `${fieldId}-hint`;
  const errorId = `${fieldId}-error`;
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={fieldId}>{label}</label>
      <select
        id={fieldId}
        {...(select as SelectHTMLAttributes<HTMLSelectElement>)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(hintId, errorId, hint, error, optional)}
      >
        {/* A select's defaultValue is applied before its options exist, so the option carries it instead. */}
        {empty !== undefined && (
          <option value="" selected={defaultValue !== undefined ? defaultValue === '' : undefined}>
            {empty}
          </option>
        )}
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={defaultValue !== undefined ? defaultValue === o.value : undefined}>
            {o.label}
          </option>
        ))}
      </select>
      <Extras hintId={hintId} errorId={errorId} hint={hint} error={error} optional={optional} />
    </div>
  );
}

type CheckboxProps = Omit<Common, 'optional'> & Omit<PartialInputHTMLAttributes<HTMLInputElement>, 'label' | 'type' | 'role'>;

export function Checkbox({ label, hint, error, id, ...input }: CheckboxProps) {
  const auto = useId();
  const fieldId = id ?? `f${auto}`;
  const hintId = `${fieldId}-hint`;
  const errorId = `${fieldId}-error`;
  return (
    <div class={`field field-check${error ? ' has-error' : ''}`}>
      <input
        id={fieldId}
        {...({ ...input, type: 'checkbox' } as InputHTMLAttributes<HTMLInputElement>)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(hintId, errorId, hint, error)}
      />
      <label for={fieldId}>{label}</label>
      <Extras hintId={hintId} errorId={errorId} hint={hint} error={error} />
    </div>
  );
}
