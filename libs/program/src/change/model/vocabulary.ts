/** The spheres of a school a change target works in (the same list as the landscape inventory's). */
export const SPHERES = ['curriculum', 'admissions', 'learning_environment', 'clinical_care', 'research', 'workforce', 'community', 'governance'] as const;
export type Sphere = (typeof SPHERES)[number];

export const TARGET_CATEGORIES = ['structural', 'relational', 'transformative'] as const;
export type TargetCategory = (typeof TARGET_CATEGORIES)[number];

export const TARGET_STATUSES = ['planned', 'in_progress', 'on_hold', 'achieved', 'dropped'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export const DIRECTIONS = ['increase', 'decrease'] as const;

export const MAX_EVIDENCE_URLS = 10;

/** Counts keyed by every value of `values`, zero where nothing is counted, so clients never miss a key. */
export function countBy<K extends string>(values: readonly K[], keys: readonly K[]): Record<K, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const value of values) if (value in counts) counts[value] += 1;
  return counts;
}
