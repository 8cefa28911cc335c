import { isOnTrack, progressRatio, type CalendarDate } from '../model';
import type { IndicatorRecord, IndicatorWithMeasurements, MeasurementRecord } from '../repositories';
import { personRef } from './target.presenter';

const round = (ratio: number | null) => (ratio === null ? null : Math.round(ratio * 1000) / 1000);

/** Where an indicator stands: its latest value, the progress from baseline to target, and whether that is on track. */
export function indicatorStanding(
  indicator: Pick<IndicatorRecord, 'baseline' | 'targetValue' | 'direction'>,
  latest: { measuredOn: CalendarDate; value: number } | null,
  period: { startsOn: CalendarDate; dueOn: CalendarDate },
  today: CalendarDate,
) {
  const figures = { baseline: indicator.baseline, targetValue: indicator.targetValue, direction: indicator.direction, latest: latest?.value ?? null };
  return { latest, progress: round(progressRatio(figures)), onTrack: isOnTrack(figures, period, today) };
}

export function presentMeasurement(measurement: MeasurementRecord) {
  return {
    id: measurement.id,
    indicatorId: measurement.indicatorId,
    measuredOn: measurement.measuredOn,
    value: measurement.value,
    note: measurement.note,
    evidenceUrls: measurement.evidenceUrls,
    recordedBy: personRef(measurement.recordedById, measurement.recordedByName),
    createdAt: new Date(measurement.createdAt).toISOString(),
  };
}

export function presentIndicatorFacts(indicator: IndicatorRecord) {
  return {
    id: indicator.id,
    targetId: indicator.targetId,
    name: indicator.name,
    unit: indicator.unit,
    baseline: indicator.baseline,
    targetValue: indicator.targetValue,
    direction: indicator.direction,
  };
}

/** An indicator with every measurement (time order) and its standing, for the target page. */
export function presentIndicator(indicator: IndicatorWithMeasurements, period: { startsOn: CalendarDate; dueOn: CalendarDate }, today: CalendarDate) {
  const last = indicator.measurements[indicator.measurements.length - 1];
  return {
    ...presentIndicatorFacts(indicator),
    ...indicatorStanding(indicator, last ? { measuredOn: last.measuredOn, value: last.value } : null, period, today),
    measurements: indicator.measurements.map(presentMeasurement),
  };
}
