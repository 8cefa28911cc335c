import type {
  ComponentChildren,
  InputHTMLAttributes,
  PartialInputHTMLAttributes,
  PartialSelectHTMLAttributes,
  SelectHTMLAttributes,
  Signalish,
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

/** What every control gets from its wrapper: its id and the links to its hint and error. */
interface ControlProps {
  id: Signalish<string | undefined>;
  'aria-invalid': 'true' | undefined;
  'aria-describedby': string | undefined;
}

/** The label, hint and error around one control; a checkbox comes before its label. */
function Field({
  label,
  hint,
  error,
  optional,
  id,
  checkbox,
  children: control,
}: Common & { id?: Signalish<string | undefined>; checkbox?: boolean; children: (props: ControlProps) => ComponentChildren }) {
  const auto = useId();
  const fieldId = id ?? `f${auto}`;
  const hintId = `${fieldId}-hint`;
  const errorId = `${fieldId}-error`;
  const input = control({
    id: fieldId,
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': describedBy(hintId, errorId, hint, error, optional),
  });
  const labelElement = <label for={fieldId}>{label}</label>;
  return (
    <div class={`field${checkbox ? ' field-check' : ''}${error ? ' has-error' : ''}`}>
      {checkbox ? input : labelElement}
      {checkbox ? labelElement : input}
      <Extras hintId={hintId} errorId={errorId} hint={hint} error={error} optional={optional} />
    </div>
  );
}

// Preact types <input> as a union keyed by `type`; the props here use the plain shape and are
// narrowed back when spread, since each field sets a fixed, valid type.
type InputProps = Common & Omit<PartialInputHTMLAttributes<HTMLInputElement>, 'label' | 'role'> & { type?: string };

export function TextField({ label, hint, error, optional, id, ...input }: InputProps) {
  return (
    <Field label={label} hint={hint} error={error} optional={optional} id={id}>
      {(control) => <input {...({ type: 'text', ...input } as InputHTMLAttributes<HTMLInputElement>)} {...control} />}
    </Field>
  );
}

type TextAreaProps = Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'label'>;

export function TextArea({ label, hint, error, optional, id, ...area }: TextAreaProps) {
  return (
    <Field label={label} hint={hint} error={error} optional={optional} id={id}>
      {(control) => <textarea rows={4} {...area} {...control} />}
    </Field>
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
  return (
    <Field label={label} hint={hint} error={error} optional={optional} id={id}>
      {(control) => (
        <select {...(select as SelectHTMLAttributes<HTMLSelectElement>)} {...control}>
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
      )}
    </Field>
  );
}

type CheckboxProps = Omit<Common, 'optional'> & Omit<PartialInputHTMLAttributes<HTMLInputElement>, 'label' | 'type' | 'role'>;

export function Checkbox({ label, hint, error, id, ...input }: CheckboxProps) {
  return (
    <Field label={label} hint={hint} error={error} id={id} checkbox>
      {(control) => <input {...({ ...input, type: 'checkbox' } as InputHTMLAttributes<HTMLInputElement>)} {...control} />}
    </Field>
  );
}
