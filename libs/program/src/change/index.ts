export * from './change.module';
export * from './services';
export { ChangePolicy } from './policy';
// Prefixed: the program's other areas have spheres and statuses of their own in the same package index.
export {
  DIRECTIONS as INDICATOR_DIRECTIONS,
  SPHERES as TARGET_SPHERES,
  TARGET_CATEGORIES,
  TARGET_STATUSES,
  MAX_EVIDENCE_URLS as MAX_MEASUREMENT_EVIDENCE_URLS,
  type Direction as IndicatorDirection,
  type Sphere as TargetSphere,
  type TargetCategory,
  type TargetStatus,
} from './model';
