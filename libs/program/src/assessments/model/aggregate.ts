import { meanOf, type Answers, type Scores } from './answers';
import { LIKERT_MAX, LIKERT_MIN, type InstrumentSection } from './instrument-model';

/** Fewer respondents than this and a figure shows nothing but that it is too small: no n, no means, no counts. */
export const MIN_RESPONDENTS = 5;

export const PERIODS = ['quarter', 'year'] as const;
export type Period = (typeof PERIODS)[number];

/** A timestamp column's quarter ('2026-Q1'), in UTC, as SQL: the cell every aggregate is built from. */
export const quarterSql = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-"Q"Q')`;

/** '2026-Q1' as a period label: itself for quarters, '2026' for years. */
export const periodOf = (quarter: string, period: Period): string => (period === 'year' ? quarter.slice(0, 4) : quarter);

export interface ResponseFacts {
  versionId: string;
  quarter: string;
  answers: Answers;
  scores: Scores;
}

export interface VersionFacts {
  id: string;
  version: number;
  sections: InstrumentSection[];
}

export type Distribution = Record<'1' | '2' | '3' | '4' | '5', number>;

export type ItemAggregate =
  | { key: string; sectionKey: string; prompt: string; type: 'likert' | 'single' | 'multiple'; status: 'not_enough_responses' }
  | {
      key: string;
      sectionKey: string;
      prompt: string;
      type: 'likert';
      status: 'ok';
      n: number;
      mean: number | null;
      distribution: Distribution;
    }
  | {
      key: string;
      sectionKey: string;
      prompt: string;
      type: 'single' | 'multiple';
      status: 'ok';
      n: number;
      counts: { option: string; count: number }[];
    };

export type GroupAggregate =
  | { versionId: string; version: number; period: string; status: 'not_enough_responses' }
  | {
      versionId: string;
      version: number;
      period: string;
      status: 'ok';
      n: number;
      meanOverall: number | null;
      sections: { key: string; title: string; mean: number | null }[];
      items: ItemAggregate[];
    };

export type TrendPoint =
  { period: string; status: 'not_enough_responses' } | { period: string; status: 'ok'; n: number; meanOverall: number | null };

const numbers = (values: (number | null | undefined)[]): number[] => values.filter((v): v is number => typeof v === 'number');
const cellOf = (r: ResponseFacts) => `${r.quarter}|${r.versionId}`;
const answered = (value: unknown) => value !== undefined && value !== null;

function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/**
 * The responses that may count anywhere: those whose cell (one version in one quarter) has the minimum. Every total
 * (a year, a trend across versions, the consortium means) is built from whole cells only, so no figure can be taken
 * from another to uncover a smaller group, say the one person who answered late in a year.
 */
export function countedResponses<T extends ResponseFacts>(responses: readonly T[], cellKey: (r: T) => string = cellOf): T[] {
  return [...groupBy(responses, cellKey).values()].filter((cell) => cell.length >= MIN_RESPONDENTS).flat();
}

/**
 * The mean of a score over responses, from whole cells that have the minimum of that score: a section (or a whole
 * response) can have no Likert answer, and a mean of fewer values than the minimum would be someone's own score.
 */
function countedMean<T extends ResponseFacts>(
  responses: readonly T[],
  scoreOf: (r: T) => number | null | undefined,
  cellKey: (r: T) => string = cellOf,
): number | null {
  const scored = responses.filter((r) => typeof scoreOf(r) === 'number');
  return meanOf(numbers(countedResponses(scored, cellKey).map(scoreOf)));
}

/**
 * One item across a group's counted responses. The same whole-cell rule holds for an optional item: a cell's answers
 * to it count only where that cell has the minimum of them. Text items never appear.
 */
function aggregateItem(
  sectionKey: string,
  item: InstrumentSection['items'][number],
  responses: ResponseFacts[],
): ItemAggregate | null {
  if (item.type === 'text') return null;
  const base = { key: item.key, sectionKey, prompt: item.prompt };
  const values = [
    ...groupBy(
      responses.filter((r) => answered(r.answers[item.key])),
      cellOf,
    ).values(),
  ]
    .filter((cell) => cell.length >= MIN_RESPONDENTS)
    .flat()
    .map((r) => r.answers[item.key]);
  if (values.length === 0) return { ...base, type: item.type, status: 'not_enough_responses' };
  if (item.type === 'likert') {
    const points = numbers(values as number[]);
    const distribution: Distribution = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
    for (const point of points)
      if (point >= LIKERT_MIN && point <= LIKERT_MAX) distribution[String(point) as keyof Distribution] += 1;
    return { ...base, type: 'likert', status: 'ok', n: points.length, mean: meanOf(points), distribution };
  }
  const chosen = values.flatMap((v) => (Array.isArray(v) ? v : [v]));
  const counts = (item.options ?? []).map((option) => ({ option, count: chosen.filter((c) => c === option).length }));
  return { ...base, type: item.type, status: 'ok', n: values.length, counts };
}

function aggregateGroup(version: VersionFacts, period: string, all: ResponseFacts[]): GroupAggregate {
  const head = { versionId: version.id, version: version.version, period };
  const responses = countedResponses(all);
  if (responses.length < MIN_RESPONDENTS) return { ...head, status: 'not_enough_responses' };
  return {
    ...head,
    status: 'ok',
    n: responses.length,
    meanOverall: countedMean(responses, (r) => r.scores.overall),
    sections: version.sections.map((s) => ({
      key: s.key,
      title: s.title,
      mean: countedMean(responses, (r) => r.scores.sections?.[s.key]),
    })),
    items: version.sections
      .flatMap((s) => s.items.map((item) => aggregateItem(s.key, item, responses)))
      .filter((a): a is ItemAggregate => a !== null),
  };
}

/** A school's responses grouped by version and period (oldest first), each group shown only from the minimum up. */
export function aggregateSchool(
  versions: readonly VersionFacts[],
  responses: readonly ResponseFacts[],
  period: Period,
): GroupAggregate[] {
  const byId = new Map(versions.map((v) => [v.id, v]));
  return [...groupBy(responses, (r) => `${periodOf(r.quarter, period)}|${r.versionId}`).values()]
    .map((rows) => ({ period: periodOf(rows[0].quarter, period), version: byId.get(rows[0].versionId), rows }))
    .filter((g): g is { period: string; version: VersionFacts; rows: ResponseFacts[] } => g.version !== undefined)
    .sort((a, b) => a.period.localeCompare(b.period) || a.version.version - b.version.version)
    .map((g) => aggregateGroup(g.version, g.period, g.rows));
}

/** The school's overall score per period across versions: how it moves over time, from counted responses only. */
export function trendOf(responses: readonly ResponseFacts[], period: Period): TrendPoint[] {
  return [...groupBy(responses, (r) => periodOf(r.quarter, period)).entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, rows]) => {
      const counted = countedResponses(rows);
      return counted.length < MIN_RESPONDENTS
        ? { period: label, status: 'not_enough_responses' as const }
        : {
            period: label,
            status: 'ok' as const,
            n: counted.length,
            meanOverall: countedMean(counted, (r) => r.scores.overall),
          };
    });
}

export interface SchoolResponseFacts extends ResponseFacts {
  institutionId: string;
}

/** Each school's mean overall score per period from its counted responses; schools without any are left out. */
export function schoolMeans(
  responses: readonly SchoolResponseFacts[],
  period: Period,
): { institutionId: string; period: string; mean: number }[] {
  // Across schools a cell is one school's version in one quarter.
  const counted = countedResponses(responses, (r) => `${r.institutionId}|${cellOf(r)}`);
  return [...groupBy(counted, (r) => `${r.institutionId}|${periodOf(r.quarter, period)}`).values()]
    .map((rows) => ({
      institutionId: rows[0].institutionId,
      period: periodOf(rows[0].quarter, period),
      mean: countedMean(rows, (r) => r.scores.overall, (r) => `${r.institutionId}|${cellOf(r)}`),
    }))
    .filter((m): m is { institutionId: string; period: string; mean: number } => m.mean !== null);
}
