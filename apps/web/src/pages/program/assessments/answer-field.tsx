import { TextArea } from '../../../components/field';
import { LIKERT_LABELS } from './labels';
import type { AnswerValue, InstrumentItem } from './types';

interface Props {
  item: InstrumentItem;
  value: AnswerValue | undefined;
  error?: string;
  onChange: (value: AnswerValue | undefined) => void;
}

const MAX_TEXT = 2000;

/**
 * One question: a group of radios (Likert 1–5 and one-choice items) or checkboxes named by the prompt, or a text box
 * labelled by it. The item's error sits under it and is linked to every control of the group.
 */
export function AnswerField({ item, value, error, onChange }: Props) {
  const id = `item-${item.key}`;
  const errorId = `${id}-error`;
  const invalid = error ? ('true' as const) : undefined;
  const described = error ? errorId : undefined;
  const errorText = error && (
    <p id={errorId} class="field-error">
      {error}
    </p>
  );

  if (item.type === 'text') {
    return (
      <TextArea
        label={item.prompt}
        id={id}
        value={typeof value === 'string' ? value : ''}
        maxLength={MAX_TEXT}
        optional={!item.required}
        required={item.required}
        error={error}
        onInput={(e) => onChange((e.currentTarget as HTMLTextAreaElement).value)}
      />
    );
  }

  const choices =
    item.type === 'likert'
      ? LIKERT_LABELS.map((label, i) => ({ value: i + 1, label: `${i + 1} – ${label}` }))
      : (item.options ?? []).map((option) => ({ value: option, label: option }));
  const multiple = item.type === 'multiple';
  const selected = Array.isArray(value) ? value : [];
  const toggle = (option: string, on: boolean) => {
    const next = on ? [...selected, option] : selected.filter((o) => o !== option);
    onChange(next.length ? next : undefined);
  };

  return (
    <fieldset
      class={`choice-group answer${error ? ' has-error' : ''}`}
      role={multiple ? 'group' : 'radiogroup'}
      aria-labelledby={`${id}-legend`}
      aria-required={item.required && !multiple ? 'true' : undefined}
    >
      <legend id={`${id}-legend`}>
        {item.prompt}
        {!item.required && <span class="optional"> (optional)</span>}
      </legend>
      <div class={item.type === 'likert' ? 'likert-scale' : undefined}>
        {choices.map((choice, i) => {
          const inputId = `${id}-${i}`;
          const checked = multiple ? selected.includes(String(choice.value)) : value === choice.value;
          return (
            <div class="field-check choice" key={inputId}>
              <input
                type={multiple ? 'checkbox' : 'radio'}
                id={inputId}
                name={item.key}
                value={String(choice.value)}
                checked={checked}
                aria-invalid={invalid}
                aria-describedby={described}
                onChange={(e) => {
                  const on = (e.currentTarget as HTMLInputElement).checked;
                  if (multiple) toggle(String(choice.value), on);
                  else if (on) onChange(choice.value);
                }}
              />
              <label for={inputId}>{choice.label}</label>
            </div>
          );
        })}
      </div>
      {errorText}
    </fieldset>
  );
}
