import { useEffect, useRef, useState } from 'preact/hooks';
import { TextArea, TextField } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { SubmitButton } from '../../components/submit-button';
import { api } from '../../lib/api';
import type { Author } from '../../lib/forum-types';
import { useAction, useSubmit } from '../../lib/use-submit';
import { ReportForm } from '../../components/report-form';
import { byteLength, MAX_MESSAGE_BYTES } from './chat-labels';
import type { Message } from './chat-types';

const enc = encodeURIComponent;

/** Plain text of rendered HTML: the starting point of an edit when the Markdown typed is not known here. */
export function textOf(html: string | null): string {
  if (!html) return '';
  return (new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '').trim();
}

/** The author's edit, within the 15 minutes the server allows. */
export function EditMessageForm({
  message,
  source,
  onSave,
  onCancel,
}: {
  message: Message;
  source: string | undefined;
  onSave: (body: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [text, setText] = useState(source ?? textOf(message.html));
  const form = useSubmit();
  const id = `edit-${message.roomId}-${message.seq}`;
  useEffect(() => document.getElementById(id)?.focus(), []);
  const send = form.onSubmit(() => {
    const problems: Record<string, string> = !text.trim()
      ? { body: 'The message cannot be empty; delete it instead.' }
      : byteLength(text) > MAX_MESSAGE_BYTES
        ? { body: 'At most 4 KB.' }
        : {};
    if (form.invalid(problems, 'Please check the message.')) return;
    return form.submit(() => onSave(text));
  });
  return (
    <form class="form chat-inline-form" ref={form.formRef} onSubmit={send} noValidate>
      <TextArea
        label={`Edit message ${message.seq}`}
        name="body"
        id={id}
        rows={3}
        value={text}
        onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
        error={form.fields.body}
      />
      <FormStatus error={form.error} />
      <div class="actions">
        <SubmitButton busy={form.busy} busyLabel="Saving…">
          Save
        </SubmitButton>
        <button type="button" class="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function DeleteMessageConfirm({
  message,
  onDelete,
  onCancel,
}: {
  message: Message;
  onDelete: () => Promise<void>;
  onCancel: () => void;
}) {
  const action = useAction();
  const [busy, setBusy] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  async function remove() {
    setBusy(true);
    await action.run(onDelete);
    setBusy(false);
  }
  return (
    <div class="notice notice-info confirm" role="group" aria-label={`Delete message ${message.seq}?`}>
      <p>Delete message {message.seq}? Its text goes for everyone; a note stays in its place.</p>
      <div class="actions">
        <button type="button" class="button button-danger" ref={confirm} disabled={busy} onClick={remove}>
          Yes, delete message {message.seq}
        </button>
        <button type="button" class="button button-secondary" onClick={onCancel}>
          Keep it
        </button>
      </div>
      <FormStatus error={action.error} />
    </div>
  );
}

/** A private report to the room's facilitators (and, for harm in a school's room, its school lead). */
export function FlagMessageForm({ message, onClose }: { message: Message; onClose: () => void }) {
  const thanks = 'Thank you. The facilitators will review your report; nobody else sees it.';
  return (
    <ReportForm
      idBase={`flag-${message.roomId}-${message.seq}`}
      legend={`Report message ${message.seq} to the facilitators`}
      path={`/chat-messages/${enc(message.id)}/flags`}
      noteHint="Only the people who review reports see this note."
      thanks={thanks}
      alreadyReported={thanks}
      onClose={onClose}
      formClass="form chat-inline-form flag-form"
      focusFirst
    />
  );
}

/** Facilitators' forms that need a reason kept on record: removing a message, revealing an author. */
function ReasonForm({
  label,
  hint,
  submitLabel,
  onSubmit,
}: {
  label: string;
  hint: string;
  submitLabel: string;
  onSubmit: (reason: string) => Promise<string | void>;
}) {
  const form = useSubmit();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.querySelector('input')?.focus(), []);
  const send = form.onSubmit((data) => {
    const reason = String(data.get('reason') ?? '').trim();
    if (form.invalid(reason ? {} : { reason: 'Give a reason; it is kept on record.' }, 'A reason is needed.')) return;
    return form.submit(() => onSubmit(reason));
  });
  return (
    <form class="inline-form chat-inline-form" ref={form.formRef} onSubmit={send} noValidate>
      <div ref={ref} class="field-wrap">
        <TextField label={label} name="reason" maxLength={500} hint={hint} error={form.fields.reason} />
      </div>
      <FormStatus error={form.error} success={form.message} />
      <div class="actions">
        <SubmitButton busy={form.busy} secondary>
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}

export function RemoveMessageForm({ message, onRemoved }: { message: Message; onRemoved: (m: Message) => void }) {
  return (
    <ReasonForm
      label={`Reason for removing message ${message.seq}`}
      hint="The reason shows in place of the message, for everyone."
      submitLabel="Remove message"
      onSubmit={async (reason) => onRemoved(await api.post<Message>(`/chat-messages/${enc(message.id)}/remove`, { reason }))}
    />
  );
}

export function RevealAuthorForm({ message, onRevealed }: { message: Message; onRevealed: (author: Author) => void }) {
  return (
    <ReasonForm
      label={`Reason for revealing who wrote message ${message.seq}`}
      hint="The reveal is recorded with your name and this reason. The name is shown to you only."
      submitLabel="Reveal author"
      onSubmit={async (reason) => {
        const { author } = await api.post<{ author: Author }>(`/chat-messages/${enc(message.id)}/reveal`, { reason });
        onRevealed(author);
        return `Message ${message.seq} was written by ${author.displayName}.`;
      }}
    />
  );
}
