import type { InstrumentSection } from '../model/instrument-model';
import type { Scores } from '../model/answers';
import type { ResponseRecord } from '../repositories';

const sectionScores = (sections: InstrumentSection[], scores: Scores) =>
  sections.map((s) => ({ key: s.key, title: s.title, score: scores.sections?.[s.key] ?? null }));

/** One of the person's own responses, its scores only (the list and the chart). */
export function presentResponseScores(response: ResponseRecord) {
  return {
    id: response.id,
    instrumentId: response.instrumentId,
    versionId: response.versionId,
    version: response.version,
    respondentRole: response.respondentRole,
    submittedAt: new Date(response.submittedAt).toISOString(),
    overallScore: response.scores.overall,
    sections: sectionScores(response.sections, response.scores),
  };
}

/** The person's own response with their answers and the questions they answered. */
export function presentOwnResponse(response: ResponseRecord) {
  return {
    ...presentResponseScores(response),
    instrument: { id: response.instrumentId, kind: response.instrumentKind, title: response.instrumentTitle },
    questions: response.sections,
    answers: response.answers,
  };
}

/** Each instrument the person answered, with their responses over time. */
export function presentMyResults(responses: ResponseRecord[]) {
  const byInstrument = new Map<string, ResponseRecord[]>();
  for (const r of responses) byInstrument.set(r.instrumentId, [...(byInstrument.get(r.instrumentId) ?? []), r]);
  return {
    items: [...byInstrument.values()].map((rows) => ({
      instrument: { id: rows[0].instrumentId, kind: rows[0].instrumentKind, title: rows[0].instrumentTitle },
      responses: rows.map(presentResponseScores),
    })),
  };
}
