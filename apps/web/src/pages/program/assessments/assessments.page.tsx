import { DataTable } from '../../../components/data-table';
import { FormStatus } from '../../../components/form-status';
import { Loading } from '../../../components/loading';
import { Page } from '../../../components/page';
import { api } from '../../../lib/api';
import { useLoad } from '../../../lib/use-load';
import { dateText, kindLabel, scoreText } from './labels';
import { ScoreChart } from './score-chart';
import type { Instrument, MyResults } from './types';

/** The readiness assessments a member can take, and their own scores over time. */
export function AssessmentsPage() {
  const instruments = useLoad(() => api.get<{ items: Instrument[] }>('/program/instruments'), []);
  const mine = useLoad(() => api.get<MyResults>('/program/assessments/mine'), []);
  return (
    <Page
      title="Readiness assessments"
      intro={<p>Where you and your school stand on anti-racism work, answered again over time to see what changes.</p>}
    >
      <section class="section" aria-labelledby="to-take">
        <h2 id="to-take">Assessments to take</h2>
        {instruments.loading && !instruments.data ? (
          <Loading what="Loading assessments" />
        ) : (
          <InstrumentList instruments={instruments.data?.items ?? []} />
        )}
        <FormStatus error={instruments.error} />
      </section>
      <section class="section" aria-labelledby="my-results">
        <h2 id="my-results">My results over time</h2>
        {mine.loading && !mine.data ? <Loading what="Loading your results" /> : <MyResultList results={mine.data} />}
        <FormStatus error={mine.error} />
      </section>
    </Page>
  );
}

function InstrumentList({ instruments }: { instruments: Instrument[] }) {
  if (instruments.length === 0) return <p class="muted">No assessment is open yet.</p>;
  return (
    <ul class="card-list">
      {instruments.map((i) => (
        <li key={i.id} class="card">
          <h3>{i.title}</h3>
          <p class="muted">{kindLabel(i.kind)}</p>
          {i.description && <p>{i.description}</p>}
          <a class="button" href={`/assessments/${i.id}/take`}>
            Take {i.title}
          </a>
        </li>
      ))}
    </ul>
  );
}

function MyResultList({ results }: { results: MyResults | undefined }) {
  if (!results || results.items.length === 0) return <p class="muted">You have not answered an assessment yet.</p>;
  return (
    <>
      {results.items.map(({ instrument, responses }) => (
        <article key={instrument.id} class="card my-result" aria-labelledby={`result-${instrument.id}`}>
          <h3 id={`result-${instrument.id}`}>{instrument.title}</h3>
          <p>
            Your latest score: <strong class="latest-score">{scoreText(responses[responses.length - 1]?.overallScore)}</strong> of
            5
          </p>
          <ScoreChart
            title={`${instrument.title} scores`}
            points={responses.map((r) => ({ at: r.submittedAt, score: r.overallScore }))}
          />
          <DataTable caption={`Your ${instrument.title} responses`} columns={['Date', 'Version', 'Overall', 'By section']}>
            {responses.map((r) => (
              <tr key={r.id}>
                <td>{dateText(r.submittedAt)}</td>
                <td>{r.version}</td>
                <td>{scoreText(r.overallScore)}</td>
                <td>{r.sections.map((s) => `${s.title} ${scoreText(s.score)}`).join(' · ')}</td>
              </tr>
            ))}
          </DataTable>
        </article>
      ))}
    </>
  );
}
