import type { ErrorDetail } from '@app/core';

export const INSTRUMENT_KINDS = ['individual_readiness', 'school_readiness'] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];
export const ITEM_TYPES = ['likert', 'single', 'multiple', 'text'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];
export const VERSION_STATUSES = ['draft', 'published', 'retired'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** One question. `options` belong to single and multiple choice items only. */
export interface InstrumentItem {
  key: string;
  type: ItemType;
  prompt: string;
  options?: string[];
  required: boolean;
}

export interface InstrumentSection {
  key: string;
  title: string;
  items: InstrumentItem[];
}

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 20;
export const LIKERT_MIN = 1;
export const LIKERT_MAX = 5;
export const MAX_TEXT_ANSWER = 2000;

export const isChoice = (type: ItemType): boolean => type === 'single' || type === 'multiple';

/** Every item of a version with the section it sits in, in order. */
export function itemsOf(sections: readonly InstrumentSection[]): { section: InstrumentSection; item: InstrumentItem }[] {
  return sections.flatMap((section) => section.items.map((item) => ({ section, item })));
}

/**
 * What a version must satisfy before it is published: something to answer, keys that name one section or item each
 * (answers are keyed by item key across the whole version), and choices that are real choices. Returns the problems,
 * each with the path of the field at fault; empty when the version may be published.
 */
export function publishProblems(sections: readonly InstrumentSection[]): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (sections.length === 0) problems.push({ field: 'sections', message: 'A version needs at least one section' });
  const sectionKeys = new Set<string>();
  const itemKeys = new Set<string>();
  let itemCount = 0;
  sections.forEach((section, s) => {
    const at = `sections[${s}]`;
    if (sectionKeys.has(section.key))
      problems.push({ field: `${at}.key`, message: `Section key "${section.key}" is used twice` });
    sectionKeys.add(section.key);
    if (section.items.length === 0) problems.push({ field: `${at}.items`, message: `Section "${section.key}" has no items` });
    section.items.forEach((item, i) => {
      itemCount += 1;
      const itemAt = `${at}.items[${i}]`;
      if (itemKeys.has(item.key)) problems.push({ field: `${itemAt}.key`, message: `Item key "${item.key}" is used twice` });
      itemKeys.add(item.key);
      problems.push(...optionProblems(item, itemAt));
    });
  });
  if (sections.length > 0 && itemCount === 0) problems.push({ field: 'sections', message: 'A version needs at least one item' });
  return problems;
}

function optionProblems(item: InstrumentItem, at: string): ErrorDetail[] {
  const options = item.options ?? [];
  if (!isChoice(item.type)) {
    return options.length > 0
      ? [{ field: `${at}.options`, message: `Item "${item.key}" is ${item.type} and takes no options` }]
      : [];
  }
  const problems: ErrorDetail[] = [];
  if (options.length < MIN_OPTIONS || options.length > MAX_OPTIONS) {
    problems.push({ field: `${at}.options`, message: `Item "${item.key}" needs ${MIN_OPTIONS} to ${MAX_OPTIONS} options` });
  }
  const trimmed = options.map((o) => o.trim().toLowerCase());
  if (trimmed.some((o) => o === '')) problems.push({ field: `${at}.options`, message: `Item "${item.key}" has a blank option` });
  if (new Set(trimmed).size !== trimmed.length) {
    problems.push({ field: `${at}.options`, message: `Item "${item.key}" has the same option twice` });
  }
  return problems;
}

/** Trims titles, prompts and options, so what is stored (and later shown and compared) has no stray spaces. */
export function normaliseSections(sections: readonly InstrumentSection[]): InstrumentSection[] {
  return sections.map((section) => ({
    key: section.key,
    title: section.title.trim(),
    items: section.items.map((item) => ({
      key: item.key,
      type: item.type,
      prompt: item.prompt.trim(),
      ...(item.options !== undefined ? { options: item.options.map((o) => o.trim()) } : {}),
      required: item.required,
    })),
  }));
}
