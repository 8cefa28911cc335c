import { useState } from 'preact/hooks';
import { SelectField, Checkbox } from '../../../components/field';
import { FormStatus } from '../../../components/form-status';
import { Loading } from '../../../components/loading';
import { Page } from '../../../components/page';
import { api, ApiError } from '../../../lib/api';
import type { Institution, Me } from '../../../lib/types';
import { useLoad } from '../../../lib/use-load';
import { useAction } from '../../../lib/use-submit';
import { NotFoundPage } from '../../not-found.page';
import { DistributionView, GroupCard, TrendTable } from './readiness-views';
import type { Instrument, Period, SchoolDistribution, SchoolResults } from './types';

const enc = encodeURIComponent;
const PERIODS: { value: Period; label: string }[] = [
  { value: 'quarter', label: 'By quarter' },
  { value: 'year', label: 'By year' },
];

/** A school's readiness results per period, the consortium comparison, and the export for its lead. */
export function ReadinessPage({ schoolId, me }: { schoolId: string; me: Me }) {
  const instruments = useLoad(() => api.get<{ items: Instrument[] }>('/program/instruments'), []);
  const list = instruments.data?.items ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const [period, setPeriod] = useState<Period>('quarter');
  const instrumentId = chosen ?? (list.find((i) => i.kind === 'school_readiness') ?? list[0])?.id ?? null;
  const results = useLoad(
    () =>
      instrumentId
        ? api.get<SchoolResults>(`/program/schools/${enc(schoolId)}/assessment-results`, { instrumentId, period })
        : Promise.resolve(null),
    [schoolId, instrumentId, period],
  );

  if (instruments.loading && !instruments.data) return <Loading what="Loading readiness results" />;
  if (results.error instanceof ApiError && [400, 404].includes(results.error.status)) return <NotFoundPage />;
  const data = results.data;
  return (
    <Page title={data ? `Readiness of ${data.school.name}` : 'School readiness'}>
      <FormStatus error={instruments.error ?? results.error} />
      {list.length === 0 ? (
        <p class="muted">No readiness instrument has been published yet.</p>
      ) : (
        <>
          <div class="filters filter-grid">
            <SelectField
              label="Instrument"
              options={list.map((i) => ({ value: i.id, label: i.title }))}
              value={instrumentId ?? ''}
              onChange={(e) => setChosen((e.currentTarget as HTMLSelectElement).value)}
            />
            <SelectField
              label="Periods"
              options={PERIODS}
              value={period}
              onChange={(e) => setPeriod((e.currentTarget as HTMLSelectElement).value as Period)}
            />
          </div>
          {results.loading && !data && <Loading what="Loading results" />}
          {data && <Results results={data} schoolId={schoolId} />}
          {instrumentId && <Comparison instrumentId={instrumentId} period={period} />}
        </>
      )}
      {(me.platformRole === 'admin' || me.schoolLeadOf.includes(schoolId)) && <NamingChoice schoolId={schoolId} />}
      <p class="section">
        <a href={`/schools/${enc(schoolId)}/landscape`}>The school’s landscape inventory</a>
      </p>
    </Page>
  );
}

function Results({ results, schoolId }: { results: SchoolResults; schoolId: string }) {
  const csvUrl = `/api/v1/program/schools/${enc(schoolId)}/assessment-results.csv?instrumentId=${enc(results.instrument.id)}&period=${results.period}`;
  return (
    <section class="section" aria-labelledby="results-heading">
      <h2 id="results-heading">{results.instrument.title}</h2>
      <p class="muted">Totals only, each from {results.minimumResponses} or more respondents; written answers are never shown.</p>
      {results.canExport && (
        <p>
          <a class="button button-secondary" href={csvUrl} download>
            Download results (CSV)
          </a>
        </p>
      )}
      {results.groups.length === 0 ? (
        <p class="muted">No one at this school has answered it yet.</p>
      ) : (
        <>
          <TrendTable trend={results.trend} minimum={results.minimumResponses} />
          {results.groups.map((g) => (
            <GroupCard key={`${g.period}-${g.versionId}`} group={g} minimum={results.minimumResponses} />
          ))}
        </>
      )}
    </section>
  );
}

/** Shown only to those the server lets compare schools; for everyone else the section is simply absent. */
function Comparison({ instrumentId, period }: { instrumentId: string; period: Period }) {
  const distribution = useLoad(
    () => api.get<SchoolDistribution>(`/program/instruments/${enc(instrumentId)}/distribution`, { period }),
    [instrumentId, period],
  );
  if (!distribution.data) return null;
  return (
    <section class="section" aria-labelledby="comparison-heading">
      <h2 id="comparison-heading">Across the consortium</h2>
      <p class="muted">Each school’s mean score; a school is named only to itself unless it chose to be named.</p>
      <DistributionView distribution={distribution.data} />
    </section>
  );
}

function NamingChoice({ schoolId }: { schoolId: string }) {
  const school = useLoad(() => api.get<Institution & { namedToPeers: boolean }>(`/institutions/${enc(schoolId)}`), [schoolId]);
  const action = useAction();
  if (!school.data) return null;
  const toggle = (namedToPeers: boolean) =>
    action.run(async () => {
      const saved = await api.patch<Institution & { namedToPeers: boolean }>(`/institutions/${enc(schoolId)}`, { namedToPeers });
      school.setData(() => saved);
      return saved.namedToPeers
        ? 'Other schools now see your school’s name.'
        : 'Your school is no longer named to other schools.';
    });
  return (
    <section class="section" aria-labelledby="naming-heading">
      <h2 id="naming-heading">Naming</h2>
      <Checkbox
        label="Name our school to other schools in comparisons"
        checked={school.data.namedToPeers}
        onChange={(e) => void toggle((e.currentTarget as HTMLInputElement).checked)}
      />
      <FormStatus error={action.error} success={action.message} />
    </section>
  );
}
