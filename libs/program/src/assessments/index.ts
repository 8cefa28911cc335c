export * from './assessments.module';
export * from './services';
export { AssessmentPolicy } from './policy/assessment-policy';
export {
  INSTRUMENT_KINDS,
  ITEM_TYPES,
  MAX_OPTIONS,
  MAX_TEXT_ANSWER,
  type InstrumentItem,
  type InstrumentKind,
  type InstrumentSection,
  type ItemType,
} from './model/instrument-model';
export { MIN_RESPONDENTS, PERIODS as RESULT_PERIODS, type Period as ResultPeriod } from './model/aggregate';
export {
  LANDSCAPE_STATUSES,
  LANDSCAPE_SPHERES,
  type LandscapeStatus,
  type LandscapeSphere,
} from './repositories/landscape.repository';
