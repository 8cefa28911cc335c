import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './api';

/** A request's outcome: returning something shows it as the success message. */
type Action = () => Promise<ComponentChildren | void>;

/**
 * Error and success message for one-off actions (deleting a row, revoking a token).
 * The last message stays until a new one replaces it or an error hides it.
 */
export function useAction() {
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<ComponentChildren>(null);

  async function run(action: Action): Promise<void> {
    setError(null);
    try {
      const shown = await action();
      if (shown !== undefined) setMessage(shown);
    } catch (failure) {
      setError(failure);
    }
  }

  return { error, setError, message, setMessage, run };
}

/**
 * Everything a form needs around its request: a busy flag for the submit button, the error with
 * its per-field messages, and focus on the first invalid field after a failure.
 */
export function useSubmit() {
  const action = useAction();
  const [busy, setBusy] = useState(false);
  // Problems found before sending, shown beside their fields like the server's.
  const [local, setLocal] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);

  // After a failure, focus goes to the first field marked invalid so keyboard and
  // screen-reader users land on the problem instead of hunting for it.
  useEffect(() => {
    if (action.error) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [action.error]);

  /** Marks the fields the browser-side checks found wrong; true when there were any. */
  function invalid(problems: Record<string, string>, summary: string): boolean {
    setLocal(problems);
    if (!Object.keys(problems).length) return false;
    action.setError(summary);
    return true;
  }

  /** Like `run`, with the form busy meanwhile; an earlier success message goes as it is sent again. */
  async function submit(request: Action): Promise<void> {
    setBusy(true);
    action.setMessage(null);
    await action.run(request);
    setBusy(false);
  }

  /** A form's submit handler: the page stays put and `handler` gets the form's values. */
  function onSubmit(handler: (data: FormData, formElement: HTMLFormElement) => unknown) {
    return (event: Event) => {
      event.preventDefault();
      const formElement = event.currentTarget as HTMLFormElement;
      void handler(new FormData(formElement), formElement);
    };
  }

  return { ...action, busy, formRef, fields: { ...fieldErrorsOf(action.error), ...local }, invalid, submit, onSubmit };
}

/** Field → message from a VALIDATION_FAILED answer, so each input can show its own problem. */
function fieldErrorsOf(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fieldErrors() : {};
}
