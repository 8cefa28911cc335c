import { countBy, isOnTrackAt, shareOfTime, TARGET_CATEGORIES, TARGET_STATUSES, type CalendarDate } from '../model';
import type { ConsortiumSchoolRow, DashboardRow, SchoolFacts } from '../repositories';
import { indicatorStanding } from './indicator.presenter';
import { personRef } from './target.presenter';

export function presentDashboard(school: SchoolFacts, row: DashboardRow, today: CalendarDate, can: { edit: boolean }) {
  return {
    school: { id: school.id, name: school.name },
    today,
    targetsByStatus: countBy(row.targets.map((t) => t.status), TARGET_STATUSES),
    targetsByCategory: countBy(row.targets.map((t) => t.category), TARGET_CATEGORIES),
    targets: row.targets.map((target) => ({
      id: target.id,
      title: target.title,
      status: target.status,
      category: target.category,
      sphere: target.sphere,
      startsOn: target.startsOn,
      dueOn: target.dueOn,
      owner: personRef(target.ownerId, target.ownerName),
      indicators: target.indicators.map((indicator) => {
        const last = indicator.series[indicator.series.length - 1];
        return {
          id: indicator.id,
          name: indicator.name,
          unit: indicator.unit,
          baseline: Number(indicator.baseline),
          targetValue: Number(indicator.targetValue),
          direction: indicator.direction,
          ...indicatorStanding(
            { baseline: Number(indicator.baseline), targetValue: Number(indicator.targetValue), direction: indicator.direction },
            last ? { measuredOn: last[0], value: Number(last[1]) } : null,
            target,
            today,
          ),
          series: indicator.series.map(([date, value]) => ({ date, value: Number(value) })),
        };
      }),
    })),
    overdueSteps: row.overdue.map((step) => ({
      id: step.id,
      title: step.title,
      dueOn: step.dueOn,
      target: { id: step.targetId, title: step.targetTitle },
      owner: personRef(step.ownerId, step.ownerName),
    })),
    recentWins: row.wins.map((win) => ({ id: win.id, title: win.title, happenedOn: win.happenedOn, target: { id: win.targetId, title: win.targetTitle } })),
    cohorts: row.cohorts.map((cohort) => ({ id: cohort.id, name: cohort.name, currentPhase: cohort.currentPhase })),
    can,
  };
}

/** A school's figures in the consortium view, with nothing that names it. */
export function consortiumFigures(row: ConsortiumSchoolRow) {
  const onTrack = row.indicators.filter(([baseline, targetValue, direction, daysGone, length, latest]) =>
    isOnTrackAt({ baseline: Number(baseline), targetValue: Number(targetValue), direction, latest: latest === null ? null : Number(latest) }, shareOfTime(daysGone, length)),
  ).length;
  const targetsByStatus = Object.fromEntries(TARGET_STATUSES.map((status) => [status, row.targets[status] ?? 0])) as Record<(typeof TARGET_STATUSES)[number], number>;
  return {
    cohortsByPhase: row.cohorts.map(([phase, count]) => ({ phase, count })),
    targetsByStatus,
    targetCount: TARGET_STATUSES.reduce((sum, status) => sum + targetsByStatus[status], 0),
    indicatorsOnTrack: onTrack,
    indicatorCount: row.indicators.length,
    winsLast90Days: row.wins,
  };
}

export type ConsortiumFigures = ReturnType<typeof consortiumFigures>;

// One collator for every call: String.localeCompare builds its own each time, which shows at 30 schools per request.
const NAME_ORDER = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Unnamed schools are ordered by their figures alone, so their place in the list says nothing about which is which. */
function byFigures(a: ConsortiumFigures, b: ConsortiumFigures): number {
  const keyOf = (f: ConsortiumFigures) => [f.targetCount, f.indicatorsOnTrack, f.indicatorCount, f.winsLast90Days];
  const [ka, kb] = [keyOf(a), keyOf(b)];
  for (let i = 0; i < ka.length; i += 1) if (ka[i] !== kb[i]) return kb[i] - ka[i];
  const [ja, jb] = [JSON.stringify(a), JSON.stringify(b)];
  return ja < jb ? -1 : ja > jb ? 1 : 0;
}

/**
 * The consortium's progress: named schools (by name) first, each with its id and dashboard link; then every school
 * this reader may not identify, as "Another school", without an id, in the order of its figures.
 */
export function presentConsortium(rows: { school: SchoolFacts; named: boolean; own: boolean; figures: ConsortiumFigures }[], today: CalendarDate) {
  const named = rows.filter((r) => r.named).sort((a, b) => NAME_ORDER.compare(a.school.name, b.school.name) || (a.school.id < b.school.id ? -1 : 1));
  const unnamed = rows.filter((r) => !r.named).map((r) => r.figures).sort(byFigures);
  return {
    today,
    schools: [
      ...named.map((r) => ({
        named: true as const,
        id: r.school.id,
        name: r.school.name,
        href: `/change/schools/${r.school.id}`,
        own: r.own,
        ...r.figures,
      })),
      ...unnamed.map((figures) => ({ named: false as const, name: 'Another school', ...figures })),
    ],
  };
}
