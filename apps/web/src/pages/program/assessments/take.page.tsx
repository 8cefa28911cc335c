import { useState } from 'preact/hooks';
import { FormStatus } from '../../../components/form-status';
import { Loading } from '../../../components/loading';
import { Page } from '../../../components/page';
import { SubmitButton } from '../../../components/submit-button';
import { api, ApiError } from '../../../lib/api';
import { useLoad } from '../../../lib/use-load';
import { useSubmit } from '../../../lib/use-submit';
import { NotFoundPage } from '../../not-found.page';
import { AnswerField } from './answer-field';
import { scoreText } from './labels';
import type { AnswerValue, Instrument, InstrumentVersion, ResponseScores } from './types';

const enc = encodeURIComponent;

/** Answering the published version of an instrument, then seeing one's score. */
export function TakeAssessmentPage({ instrumentId }: { instrumentId: string }) {
  const instrument = useLoad(() => api.get<Instrument>(`/program/instruments/${enc(instrumentId)}`), [instrumentId]);
  if (instrument.loading && !instrument.data) return <Loading what="Loading the assessment" />;
  const found = instrument.data;
  if (!found?.published?.sections) {
    if (!found || (instrument.error instanceof ApiError && [400, 404].includes(instrument.error.status))) return <NotFoundPage />;
    return (
      <Page title="Assessment">
        <FormStatus error={instrument.error ?? 'This assessment is not open for answers.'} />
      </Page>
    );
  }
  return <AssessmentForm instrument={found} version={found.published} />;
}

function AssessmentForm({ instrument, version }: { instrument: Instrument; version: InstrumentVersion }) {
  const sections = version.sections ?? [];
  const [answers, setAnswers] = useState<Record<string, AnswerValue | undefined>>({});
  const [result, setResult] = useState<ResponseScores | null>(null);
  const form = useSubmit();

  if (result) return <YourScore instrument={instrument} result={result} />;

  const send = () => {
    const missing: Record<string, string> = {};
    for (const section of sections) {
      for (const item of section.items) {
        const value = answers[item.key];
        const empty = value === undefined || (typeof value === 'string' && value.trim() === '');
        if (item.required && empty) missing[`answers.${item.key}`] = 'Please answer this question.';
      }
    }
    if (form.invalid(missing, 'Some required questions have no answer yet.')) return;
    void form.submit(async () => {
      const given = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined && v !== ''));
      setResult(
        await api.post<ResponseScores>(`/program/instruments/${enc(instrument.id)}/responses`, {
          versionId: version.id,
          answers: given,
        }),
      );
    });
  };

  return (
    <Page title={instrument.title} intro={instrument.description ? <p>{instrument.description}</p> : undefined}>
      <p class="muted">Your answers are yours: your school sees only totals of five or more people, never your answers.</p>
      <form ref={form.formRef} class="assessment-form" noValidate onSubmit={form.onSubmit(send)}>
        {sections.map((section) => (
          <section key={section.key} class="card" aria-labelledby={`section-${section.key}`}>
            <h2 id={`section-${section.key}`}>{section.title}</h2>
            {section.items.map((item) => (
              <AnswerField
                key={item.key}
                item={item}
                value={answers[item.key]}
                error={form.fields[`answers.${item.key}`]}
                onChange={(value) => setAnswers((current) => ({ ...current, [item.key]: value }))}
              />
            ))}
          </section>
        ))}
        <FormStatus error={form.error} />
        <div class="actions">
          <SubmitButton busy={form.busy} busyLabel="Sending…">
            Submit answers
          </SubmitButton>
        </div>
      </form>
    </Page>
  );
}

function YourScore({ instrument, result }: { instrument: Instrument; result: ResponseScores }) {
  return (
    <Page title={instrument.title}>
      <section class="card" aria-labelledby="your-score">
        <h2 id="your-score">Your score</h2>
        <p role="status" class="lead-text">
          {scoreText(result.overallScore)} of 5
        </p>
        <ul class="plain-list">
          {result.sections.map((s) => (
            <li key={s.key}>
              {s.title}: {scoreText(s.score)}
            </li>
          ))}
        </ul>
        <p>
          <a href="/program">Back to the program</a> · <a href="/assessments">All my results</a>
        </p>
      </section>
    </Page>
  );
}
