import type { ComponentChildren } from 'preact';
import { ApiError, describeError } from '../lib/api';

interface Props {
  error?: unknown;
  success?: ComponentChildren;
}

/**
 * Both live regions stay in the DOM whatever their content: screen readers only announce changes
 * to a region that already existed, so mounting a fresh alert would often be missed.
 */
export function FormStatus({ error, success }: Props) {
  const api = error instanceof ApiError ? error : null;
  // Validation messages also sit beside their fields; the summary lists them all so none is missed
  // when a field the form does not show is the one at fault.
  const summarise = api?.code === 'VALIDATION_FAILED' && api.details.length > 0;
  const message = error ? (summarise ? 'Please check the following:' : describeError(error)) : null;
  const details = api ? (summarise ? api.details : api.details.filter((d) => !d.field)) : [];
  return (
    <>
      <div role="alert" aria-atomic="true" class="live-slot">
        {message && (
          <div class="notice notice-error">
            <p>{message}</p>
            {details.length > 0 && (
              <ul>
                {details.map((d, i) => (
                  <li key={i}>{d.message}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      <div role="status" aria-live="polite" aria-atomic="true" class="live-slot">
        {success && !message && <div class="notice notice-success">{success}</div>}
      </div>
    </>
  );
}
