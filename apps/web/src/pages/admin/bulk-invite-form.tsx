import { useRef, useState } from 'preact/hooks';
import { CopyButton } from '../../components/copy-button';
import { DataTable } from '../../components/data-table';
import { SelectField, TextArea } from '../../components/field';
import { FormStatus } from '../../components/form-status';
import { SubmitButton } from '../../components/submit-button';
import { api } from '../../lib/api';
import type { BulkReport, Institution } from '../../lib/types';
import { useSubmit } from '../../lib/use-submit';
import { schoolOptions } from './use-schools';

const EXAMPLE = 'email,name,school_role,cohort\nada@example.edu,Ada Example,student,Class of 2028';
const MAX_FILE_BYTES = 512_000;

interface Props {
  schools: Institution[];
  onDone: () => void;
}

export function BulkInviteForm({ schools, onDone }: Props) {
  const [schoolId, setSchoolId] = useState(schools[0]?.id ?? '');
  const [csv, setCsv] = useState('');
  const [report, setReport] = useState<BulkReport | null>(null);
  const form = useSubmit();
  const reportHeading = useRef<HTMLHeadingElement>(null);

  async function chooseFile(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      form.setError('That file is too large. Split it into files of at most 1000 rows.');
      return;
    }
    form.setError(null);
    // The file is shown in the text box so it can be checked, and corrected, before sending.
    setCsv(await file.text());
  }

  async function send() {
    if (!schoolId) return form.setError('Please choose a school.');
    if (!csv.trim()) return form.setError('Choose a CSV file or paste the CSV text first.');
    setReport(null);
    await form.submit(async () => {
      const result = await api.post<BulkReport>('/invitations/bulk', { institutionId: schoolId, csv });
      setReport(result);
      onDone();
      requestAnimationFrame(() => reportHeading.current?.focus());
    });
  }

  const created = report?.rows.filter((r) => r.status === 'created' && r.acceptUrl) ?? [];
  const allLinks = ['email,link', ...created.map((r) => `${r.email},${r.acceptUrl}`)].join('\n');

  return (
    <section class="card" aria-labelledby="bulk-title">
      <h2 id="bulk-title">Invite many people from a spreadsheet</h2>
      <p>
        Use a CSV file whose first line is <code>email,name,school_role,cohort</code>. School role and cohort are optional; a cohort is
        matched by its name at the chosen school.
      </p>
      <form class="form" onSubmit={form.onSubmit(send)} noValidate>
        <SelectField
          label="School for these invitations"
          name="institutionId"
          value={schoolId}
          onChange={(e) => setSchoolId((e.currentTarget as HTMLSelectElement).value)}
          options={schoolOptions(schools)}
        />
        <div class="field">
          <label for="bulk-file">CSV file</label>
          <input id="bulk-file" name="file" type="file" accept=".csv,text/csv,text/plain" onChange={chooseFile} aria-describedby="bulk-file-hint" />
          <p id="bulk-file-hint" class="hint">
            Choosing a file puts its contents in the box below.
          </p>
        </div>
        <TextArea
          label="CSV text"
          name="csv"
          rows={8}
          class="mono"
          value={csv}
          onInput={(e) => setCsv((e.currentTarget as HTMLTextAreaElement).value)}
          placeholder={EXAMPLE}
          hint="Or paste the rows here, header first. At most 1000 rows."
          spellcheck={false}
        />
        <FormStatus error={form.error} />
        <div class="actions">
          <SubmitButton busy={form.busy} busyLabel="Sending invitations…">Send invitations</SubmitButton>
        </div>
      </form>

      {report && (
        <div class="bulk-report">
          <h3 ref={reportHeading} tabIndex={-1}>
            Report
          </h3>
          <p role="status" class="report-summary">
            {report.created} invitation{report.created === 1 ? '' : 's'} created, {report.rejected} row{report.rejected === 1 ? '' : 's'} rejected.
          </p>
          {created.length > 1 && (
            <p>
              <CopyButton text={allLinks} label="Copy all new links as CSV" />
            </p>
          )}
          <DataTable class="report-table" caption="One line per CSV row" columns={['Row', 'Email', 'Status', 'Reason', 'Link']}>
            {report.rows.map((r) => (
              <tr key={r.row} data-status={r.status} class={`status-${r.status}`}>
                <td>{r.row}</td>
                <td>{r.email}</td>
                <td>
                  <span class={`pill pill-${r.status}`}>{r.status === 'created' ? 'Created' : 'Rejected'}</span>
                </td>
                <td>{r.message ?? ''}</td>
                <td>
                  {r.acceptUrl && (
                    <span class="link-cell">
                      <code class="accept-url">{r.acceptUrl}</code>
                      <CopyButton text={r.acceptUrl} label="Copy link" ariaLabel={`Copy link for ${r.email}`} />
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
    </section>
  );
}
