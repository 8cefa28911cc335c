import { Injectable } from '@nestjs/common';
import { forbidden, notFound } from '@app/core';
import type { Actor } from '@app/identity';
import { aggregateSchool, schoolMeans, trendOf, type GroupAggregate, type Period } from '../model/aggregate';
import { toCsv } from '../model/csv';
import { AssessmentPolicy } from '../policy/assessment-policy';
import { presentDistribution, presentSchoolResults } from '../presenters';
import { InstrumentRepository, SchoolResultsRepository, type InstrumentRecord, type SchoolRecord, type VersionRecord } from '../repositories';

const CSV_HEADER = [
  'instrument',
  'version',
  'period',
  'status',
  'section',
  'item',
  'n',
  'mean',
  'count_1',
  'count_2',
  'count_3',
  'count_4',
  'count_5',
];

/**
 * A school's readiness results: aggregates only, each shown from five respondents up, never one person's answers and
 * never text answers. The school's own members, its leads and the program team read them; the export is the lead's.
 */
@Injectable()
export class SchoolResultsService {
  constructor(
    private readonly schools: SchoolResultsRepository,
    private readonly instruments: InstrumentRepository,
  ) {}

  private async readableSchool(actor: Actor, schoolId: string): Promise<SchoolRecord> {
    const school = AssessmentPolicy.canReadSchoolResults(actor, schoolId) ? await this.schools.school(schoolId) : null;
    if (!school) throw notFound();
    return school;
  }

  /**
   * The instrument with its versions, under the instruments' own read rule: one that only ever had a draft does not
   * exist for anyone but those who manage instruments (a retired one still has results).
   */
  private async instrument(actor: Actor, id: string): Promise<{ instrument: InstrumentRecord; versions: VersionRecord[] }> {
    const [instrument, versions] = await Promise.all([this.instruments.findById(id), this.instruments.versionsOf([id])]);
    if (!instrument || (!AssessmentPolicy.canManageInstruments(actor) && !versions.some((v) => v.status !== 'draft'))) throw notFound();
    return { instrument, versions };
  }

  private async aggregates(schoolId: string, instrumentId: string, versions: VersionRecord[], period: Period) {
    const responses = await this.schools.responses(schoolId, instrumentId);
    return { groups: aggregateSchool(versions, responses, period), trend: trendOf(responses, period) };
  }

  async results(actor: Actor, schoolId: string, query: { instrumentId: string; period?: Period }) {
    const school = await this.readableSchool(actor, schoolId);
    const { instrument, versions } = await this.instrument(actor, query.instrumentId);
    const period = query.period ?? 'quarter';
    const { groups, trend } = await this.aggregates(school.id, instrument.id, versions, period);
    return presentSchoolResults(school, instrument, period, groups, trend, AssessmentPolicy.canExport(actor, school.id));
  }

  /** The aggregated rows as CSV: the same groups and the same minimum as the results; Likert items only carry counts. */
  async csv(
    actor: Actor,
    schoolId: string,
    query: { instrumentId: string; period?: Period },
  ): Promise<{ filename: string; body: string }> {
    const school = await this.readableSchool(actor, schoolId);
    if (!AssessmentPolicy.canExport(actor, school.id)) throw forbidden("Exporting results is the school lead's");
    const { instrument, versions } = await this.instrument(actor, query.instrumentId);
    const { groups } = await this.aggregates(school.id, instrument.id, versions, query.period ?? 'quarter');
    return {
      filename: `readiness-${school.slug}-${instrument.id}.csv`,
      body: toCsv(
        CSV_HEADER,
        groups.flatMap((g) => csvRows(instrument.title, g)),
      ),
    };
  }

  /**
   * The consortium's spread of school means per period, for those who compare schools. Only schools with the minimum
   * number of responses appear; a school is named only where the policy allows, else it is "Another school" with no id.
   */
  async distribution(actor: Actor, instrumentId: string, query: { period?: Period; version?: number }) {
    if (!AssessmentPolicy.canSeeDistribution(actor)) throw notFound();
    const { instrument } = await this.instrument(actor, instrumentId);
    const period = query.period ?? 'quarter';
    const means = schoolMeans(await this.schools.allSchoolResponses(instrument.id, query.version ?? null), period);
    const schools = new Map(
      (await this.schools.schools([...new Set(means.map((m) => m.institutionId))])).map((school) => [school.id, school]),
    );
    return presentDistribution(
      instrument,
      period,
      means,
      schools,
      (school) => AssessmentPolicy.mayName(actor, school),
      actor.institutionId,
    );
  }
}

type Cell = string | number | null;

function csvRows(title: string, group: GroupAggregate): Cell[][] {
  const head: Cell[] = [title, group.version, group.period];
  if (group.status !== 'ok') return [[...head, 'not_enough_responses', '', '', '', '', '', '', '', '', '']];
  const blanks: Cell[] = ['', '', '', '', ''];
  const rows: Cell[][] = [[...head, 'ok', '', '', group.n, group.meanOverall, ...blanks]];
  for (const section of group.sections) rows.push([...head, 'ok', section.key, '', group.n, section.mean, ...blanks]);
  for (const item of group.items) {
    if (item.type !== 'likert') continue;
    if (item.status !== 'ok') {
      rows.push([...head, 'not_enough_responses', item.sectionKey, item.key, '', '', ...blanks]);
      continue;
    }
    const d = item.distribution;
    rows.push([...head, 'ok', item.sectionKey, item.key, item.n, item.mean, d['1'], d['2'], d['3'], d['4'], d['5']]);
  }
  return rows;
}
