import type { GroupAggregate, Period, TrendPoint } from '../model/aggregate';
import { MIN_RESPONDENTS } from '../model/aggregate';
import type { InstrumentRecord, SchoolRecord } from '../repositories';
import { presentInstrumentHead } from './instrument.presenter';

export function presentSchoolResults(
  school: SchoolRecord,
  instrument: InstrumentRecord,
  period: Period,
  groups: GroupAggregate[],
  trend: TrendPoint[],
  canExport: boolean,
) {
  return {
    school: { id: school.id, name: school.name },
    instrument: presentInstrumentHead(instrument),
    period,
    minimumResponses: MIN_RESPONDENTS,
    groups,
    trend,
    canExport,
  };
}

/**
 * Who may be named decides what an entry carries: an unnamed school has no id and no name but "Another school".
 * Entries are sorted by mean (highest first), which says nothing of who is who.
 */
export function presentDistribution(
  instrument: InstrumentRecord,
  period: Period,
  means: { institutionId: string; period: string; mean: number }[],
  schools: Map<string, SchoolRecord>,
  mayName: (school: SchoolRecord) => boolean,
  ownSchoolId: string | null,
) {
  const periods = new Map<string, typeof means>();
  for (const m of means) periods.set(m.period, [...(periods.get(m.period) ?? []), m]);
  return {
    instrument: presentInstrumentHead(instrument),
    period,
    minimumResponses: MIN_RESPONDENTS,
    periods: [...periods.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([label, rows]) => ({
        period: label,
        schools: rows
          .filter((m) => schools.has(m.institutionId))
          .sort((a, b) => b.mean - a.mean)
          .map((m) => {
            const school = schools.get(m.institutionId)!;
            return mayName(school)
              ? { id: school.id, name: school.name, own: school.id === ownSchoolId, mean: m.mean }
              : { name: 'Another school', own: false, mean: m.mean };
          }),
      })),
  };
}
