import type { ErrorDetail } from '@app/core';
import {
  itemsOf,
  LIKERT_MAX,
  LIKERT_MIN,
  MAX_TEXT_ANSWER,
  type InstrumentItem,
  type InstrumentSection,
} from './instrument-model';

/** A validated answer: a Likert point, one option, several options, or text. */
export type AnswerValue = number | string | string[];
export type Answers = Record<string, AnswerValue>;

export interface Scores {
  overall: number | null;
  sections: Record<string, number | null>;
}

const isBlank = (value: unknown) => value === undefined || value === null;

function answerProblem(item: InstrumentItem, value: unknown): string | null {
  switch (item.type) {
    case 'likert':
      return Number.isInteger(value) && (value as number) >= LIKERT_MIN && (value as number) <= LIKERT_MAX
        ? null
        : `must be a whole number from ${LIKERT_MIN} to ${LIKERT_MAX}`;
    case 'single':
      return typeof value === 'string' && (item.options ?? []).includes(value) ? null : 'must be one of the options';
    case 'multiple': {
      if (!Array.isArray(value) || value.length === 0) return 'must be a non-empty list of options';
      const options = item.options ?? [];
      if (!value.every((v) => typeof v === 'string' && options.includes(v))) return 'must list only the options';
      return new Set(value).size === value.length ? null : 'must not list an option twice';
    }
    case 'text':
      if (typeof value !== 'string') return 'must be text';
      if (value.length > MAX_TEXT_ANSWER) return `must be at most ${MAX_TEXT_ANSWER} characters`;
      return item.required && value.trim() === '' ? 'is required' : null;
  }
}

/**
 * Checks every answer against its item, and that every required item is answered and no unknown key is sent.
 * Returns the answers to store (optional items left out or sent as null are dropped) or the problems per item.
 */
export function checkAnswers(
  sections: readonly InstrumentSection[],
  answers: Record<string, unknown>,
): { ok: true; answers: Answers } | { ok: false; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const known = new Map(itemsOf(sections).map(({ item }) => [item.key, item]));
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) problems.push({ field: `answers.${key}`, message: `"${key}" is not an item of this version` });
  }
  const kept: Answers = {};
  for (const item of known.values()) {
    const value = answers[item.key];
    if (isBlank(value)) {
      if (item.required) problems.push({ field: `answers.${item.key}`, message: `"${item.key}" is required` });
      continue;
    }
    const problem = answerProblem(item, value);
    if (problem) problems.push({ field: `answers.${item.key}`, message: `"${item.key}" ${problem}` });
    else kept[item.key] = item.type === 'text' ? (value as string).trim() : (value as AnswerValue);
  }
  return problems.length ? { ok: false, problems } : { ok: true, answers: kept };
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const mean = (values: number[]): number | null =>
  values.length ? round2(values.reduce((a, b) => a + b, 0) / values.length) : null;

/** The Likert mean over the whole version and per section; null where there is no Likert answer to average. */
export function scoreAnswers(sections: readonly InstrumentSection[], answers: Answers): Scores {
  const all: number[] = [];
  const bySection: Record<string, number | null> = {};
  for (const section of sections) {
    const points = section.items
      .filter((item) => item.type === 'likert' && typeof answers[item.key] === 'number')
      .map((item) => answers[item.key] as number);
    all.push(...points);
    bySection[section.key] = mean(points);
  }
  return { overall: mean(all), sections: bySection };
}

export { mean as meanOf };
