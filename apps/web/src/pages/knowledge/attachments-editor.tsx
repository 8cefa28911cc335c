import { SelectField, TextField } from '../../components/field';
import { ATTACHMENT_KINDS } from './knowledge-labels';
import type { Attachment } from './knowledge-types';

const MAX = 20;

/** Rows of kind, title and address; added and removed by buttons, each row's controls named by its number. */
export function AttachmentsEditor({ rows, onChange }: { rows: Attachment[]; onChange: (rows: Attachment[]) => void }) {
  const update = (index: number, patch: Partial<Attachment>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset class="field attachments-editor">
      <legend>Attachments</legend>
      <p class="hint">Links to videos, documents or pages elsewhere; each needs a full http(s) address.</p>
      {rows.length === 0 && <p class="muted">No attachments.</p>}
      <ol class="plain-list">
        {rows.map((row, i) => (
          <li key={i} class="card card-quiet inline-form">
            <SelectField
              label={`Kind of attachment ${i + 1}`}
              name={`attachment-kind-${i}`}
              options={ATTACHMENT_KINDS}
              value={row.kind}
              onChange={(e) => update(i, { kind: (e.currentTarget as HTMLSelectElement).value as Attachment['kind'] })}
            />
            <TextField label={`Title of attachment ${i + 1}`} name={`attachment-title-${i}`} maxLength={200} value={row.title} onInput={(e) => update(i, { title: (e.currentTarget as HTMLInputElement).value })} />
            <TextField
              label={`Address of attachment ${i + 1}`}
              name={`attachment-url-${i}`}
              type="url"
              maxLength={2000}
              value={row.url}
              onInput={(e) => update(i, { url: (e.currentTarget as HTMLInputElement).value })}
            />
            <div class="actions">
              <button type="button" class="button button-small button-secondary" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                Remove attachment {i + 1}
              </button>
            </div>
          </li>
        ))}
      </ol>
      {rows.length < MAX && (
        <button type="button" class="button button-small button-secondary" onClick={() => onChange([...rows, { kind: 'link', title: '', url: '' }])}>
          Add attachment
        </button>
      )}
    </fieldset>
  );
}
