export { SPHERES, sphereLabel } from '../spheres';
import type { EffortStatus, InstrumentKind, ItemType } from './types';

export const LIKERT_LABELS = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];

export const INSTRUMENT_KINDS: { value: InstrumentKind; label: string }[] = [
  { value: 'individual_readiness', label: 'Individual readiness' },
  { value: 'school_readiness', label: 'School readiness' },
];

export const ITEM_TYPES: { value: ItemType; label: string }[] = [
  { value: 'likert', label: 'Agreement scale (1–5)' },
  { value: 'single', label: 'One choice' },
  { value: 'multiple', label: 'Several choices' },
  { value: 'text', label: 'Written answer' },
];


export const EFFORT_STATUSES: { value: EffortStatus; label: string }[] = [
  { value: 'planned', label: 'Planned' },
  { value: 'active', label: 'Active' },
  { value: 'paused', label: 'Paused' },
  { value: 'ended', label: 'Ended' },
];

const labelOf = (list: { value: string; label: string }[], value: string) => list.find((i) => i.value === value)?.label ?? value;
export const kindLabel = (v: string) => labelOf(INSTRUMENT_KINDS, v);
export const effortStatusLabel = (v: string) => labelOf(EFFORT_STATUSES, v);

/** A score to two decimals at most, or a dash when there is none. */
export const scoreText = (score: number | null | undefined) =>
  typeof score === 'number' ? String(Math.round(score * 100) / 100) : '–';

export const dateText = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** '2026-Q2' → 'Apr–Jun 2026'; '2026' stays. */
export function periodText(period: string): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!match) return period;
  const names = ['Jan–Mar', 'Apr–Jun', 'Jul–Sep', 'Oct–Dec'];
  return `${names[Number(match[2]) - 1]} ${match[1]}`;
}
