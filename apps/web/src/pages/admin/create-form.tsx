import type { ComponentChildren } from 'preact';
import { FormStatus } from '../../components/form-status';
import { SubmitButton } from '../../components/submit-button';
import { api } from '../../lib/api';
import { useSubmit } from '../../lib/use-submit';

/** What to send, or what the person must fix first (a message, or an ApiError to mark a field). */
export type CreateRequest = { body: Record<string, unknown> } | { problem: unknown };

interface Props<T> {
  /** Names the heading ("Add a school") and the button ("Add school"). */
  noun: string;
  path: string;
  read: (data: FormData) => CreateRequest;
  onCreated: (created: T) => void;
  /** The fields, given their error messages. */
  children: (errors: Record<string, string>) => ComponentChildren;
}

/** A card form that posts one new item and empties itself once it is made. */
export function CreateForm<T>({ noun, path, read, onCreated, children }: Props<T>) {
  const form = useSubmit();
  const titleId = `create-${noun}-title`;

  async function send(data: FormData, formElement: HTMLFormElement) {
    const request = read(data);
    if ('problem' in request) return form.setError(request.problem);
    await form.submit(async () => {
      const created = await api.post<T>(path, request.body);
      formElement.reset();
      onCreated(created);
    });
  }

  return (
    <form class="card form" onSubmit={form.onSubmit(send)} ref={form.formRef} noValidate aria-labelledby={titleId}>
      <h2 id={titleId}>{`Add a ${noun}`}</h2>
      {children(form.fields)}
      <FormStatus error={form.error} />
      <div class="actions">
        <SubmitButton busy={form.busy}>{`Add ${noun}`}</SubmitButton>
      </div>
    </form>
  );
}
