import { useEffect, useRef, useState } from 'preact/hooks';
import { TextArea } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { Loading } from '../../components/loading';
import { api } from '../../lib/api';

interface MarkdownComposerProps {
  label: string;
  name: string;
  rows: number;
  /** Where the server renders this draft: `/spaces/:id/preview` or `/topics/:id/preview`. */
  previewPath: string;
  id?: string;
  hint?: string;
  error?: string;
  required?: boolean;
  value?: string;
  onInput?: (text: string) => void;
}

/**
 * A Markdown text area with a Write / Preview switch. The preview is rendered by the server, with the
 * same renderer and mention rules as posting, so what the author sees is what readers will see.
 * The text area stays in the form while previewing, so submitting from the preview still sends it.
 */
export function MarkdownComposer({ label, name, rows, previewPath, id, hint, error, required, value, onInput }: MarkdownComposerProps) {
  const wrapper = useRef<HTMLDivElement>(null);
  const [previewing, setPreviewing] = useState(false);
  const [html, setHtml] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  // The text only changes under a preview when something else wrote to it (a quote): show the writing again.
  useEffect(() => setPreviewing(false), [value]);

  async function showPreview() {
    const source = wrapper.current?.querySelector('textarea')?.value ?? '';
    setPreviewing(true);
    setLoading(true);
    setFailure(null);
    setHtml(null);
    try {
      setHtml((await api.post<{ html: string }>(previewPath, { body: source })).html);
    } catch (problem) {
      setFailure(problem);
    } finally {
      setLoading(false);
    }
  }

  return (
    <div class="composer" ref={wrapper}>
      <div class="composer-tabs" role="group" aria-label={`${label}: write or preview`}>
        <button type="button" class="button button-small button-secondary" aria-pressed={previewing ? 'false' : 'true'} onClick={() => setPreviewing(false)}>
          Write
        </button>
        <button type="button" class="button button-small button-secondary" aria-pressed={previewing ? 'true' : 'false'} onClick={showPreview}>
          Preview
        </button>
      </div>
      <div hidden={previewing}>
        <TextArea
          label={label}
          name={name}
          rows={rows}
          id={id}
          hint={hint ?? 'Markdown works: **bold**, _italic_, lists, links and @handles.'}
          error={error}
          required={required}
          {...(value !== undefined ? { value } : {})}
          onInput={onInput ? (event) => onInput((event.currentTarget as HTMLTextAreaElement).value) : undefined}
        />
      </div>
      {previewing && (
        <section class="composer-preview" aria-label={`Preview of ${label.toLowerCase()}`} aria-busy={loading ? 'true' : 'false'}>
          {loading && <Loading what="Rendering the preview" />}
          <FormStatus error={failure} />
          {html === '' && <p class="muted">Nothing to preview yet.</p>}
          {/* Rendered and sanitized by the server, exactly as a post would be. */}
          {html && <div class="post-body" dangerouslySetInnerHTML={{ __html: html }} />}
        </section>
      )}
    </div>
  );
}
