import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../lib/api';
import { useSubmit } from '../lib/use-submit';
import { TextArea } from './field';
import { FormStatus } from './form-status';
import { SubmitButton } from './submit-button';

export type ReportKind = 'spam' | 'off_topic' | 'harm';

export const REPORT_KINDS: { kind: ReportKind; label: string }[] = [
  { kind: 'spam', label: 'Spam' },
  { kind: 'off_topic', label: 'Off-topic' },
  { kind: 'harm', label: 'Causing harm' },
];

export const reportKindLabel = (kind: string) => REPORT_KINDS.find((k) => k.kind === kind)?.label ?? kind;

interface ReportFormProps {
  /** Unique on the page: the radios' and legend's ids start with it. */
  idBase: string;
  legend: string;
  /** Where the report goes: `/posts/:id/flags` or `/chat-messages/:id/flags`. */
  path: string;
  noteHint: string;
  thanks: ComponentChildren;
  /** Said when this person's earlier report on the same thing is still open. */
  alreadyReported: ComponentChildren;
  onClose: () => void;
  formClass: string;
  focusFirst?: boolean;
}

/** Reporting a post or a message to the people who review it: spam, off-topic or harm, with a private note. */
export function ReportForm({ idBase, legend, path, noteHint, thanks, alreadyReported, onClose, formClass, focusFirst }: ReportFormProps) {
  const form = useSubmit();
  const [sent, setSent] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusFirst) first.current?.focus();
  }, []);
  const legendId = `${idBase}-legend`;
  const errorId = `${idBase}-kind-error`;
  const send = form.onSubmit((data) => {
    const kind = String(data.get('kind') ?? '');
    const note = String(data.get('note') ?? '').trim();
    if (form.invalid(kind ? {} : { kind: 'Choose what best describes the problem.' }, 'Please choose a reason for the report.')) return;
    return form.submit(async () => {
      try {
        await api.post(path, { kind, ...(note ? { note } : {}) });
        setSent(true);
        return thanks;
      } catch (failure) {
        if (!(failure instanceof ApiError && failure.code === 'ALREADY_FLAGGED')) throw failure;
        setSent(true);
        return alreadyReported;
      }
    });
  });
  const kindError = form.fields.kind;
  return (
    <form class={formClass} ref={form.formRef} onSubmit={send} noValidate aria-labelledby={legendId}>
      {!sent && (
        <>
          <fieldset class={`field${kindError ? ' has-error' : ''}`} aria-describedby={kindError ? errorId : undefined}>
            <legend id={legendId}>{legend}</legend>
            {REPORT_KINDS.map((k, i) => (
              <div class="field-check" key={k.kind}>
                <input
                  ref={i === 0 ? first : undefined}
                  type="radio"
                  id={`${idBase}-${k.kind}`}
                  name="kind"
                  value={k.kind}
                  aria-invalid={kindError && i === 0 ? 'true' : undefined}
                />
                <label for={`${idBase}-${k.kind}`}>{k.label}</label>
              </div>
            ))}
            {kindError && (
              <p id={errorId} class="field-error">
                {kindError}
              </p>
            )}
          </fieldset>
          <TextArea label="Private note" name="note" rows={3} maxLength={1000} optional hint={noteHint} error={form.fields.note} />
        </>
      )}
      <FormStatus error={form.error} success={form.message} />
      <div class="actions">
        {!sent && (
          <SubmitButton busy={form.busy} busyLabel="Sending…" secondary>
            Send report
          </SubmitButton>
        )}
        <button type="button" class="button button-small button-secondary" onClick={onClose}>
          {sent ? 'Close' : 'Cancel'}
        </button>
      </div>
    </form>
  );
}
