import { Injectable } from '@nestjs/common';
import { badRequest, decodeCursor, ErrorCode, toPage } from '@app/core';
import type { Actor } from '@app/identity';
import { addDays, directionFits, MAX_EVIDENCE_URLS, type CalendarDate } from '../model';
import { presentIndicator, presentIndicatorFacts, presentMeasurement } from '../presenters';
import { IndicatorRepository, type IndicatorFields } from '../repositories';
import { ChangeAccess } from './change-access.service';

export interface MeasurementInput {
  measuredOn: CalendarDate;
  value: number;
  unit: string;
  note?: string;
  evidenceUrls?: string[];
}

const invalid = (code: ErrorCode, message: string, field: string, detail: string) => badRequest(code, message, [{ field, message: detail }]);

/** Web addresses only: a `javascript:` link would run in a reader's browser. */
function evidenceLinks(urls: readonly string[] = []): string[] {
  if (urls.length > MAX_EVIDENCE_URLS) throw invalid(ErrorCode.ValidationFailed, `At most ${MAX_EVIDENCE_URLS} evidence links`, 'evidenceUrls', 'too many links');
  return urls.map((text, i) => {
    let url: URL | null = null;
    try {
      url = new URL(text);
    } catch {
      // refused below
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw invalid(ErrorCode.ValidationFailed, 'Evidence links must be absolute http(s) addresses', `evidenceUrls[${i}]`, 'must be an absolute http(s) address');
    }
    return url.toString();
  });
}

/** Indicators say whether a target works: a baseline, a target value and a direction, and measurements over time. */
@Injectable()
export class IndicatorService {
  constructor(
    private readonly access: ChangeAccess,
    private readonly indicators: IndicatorRepository,
  ) {}

  async add(actor: Actor, targetId: string, input: IndicatorFields) {
    const target = await this.access.writableTarget(actor, targetId);
    const fields = { ...input, name: input.name.trim(), unit: input.unit.trim() };
    checkDirection(fields);
    const id = await this.indicators.create(targetId, fields);
    return presentIndicator({ ...(await this.indicators.findById(id))!, measurements: [] }, target, this.access.today());
  }

  /** A unit cannot change once measured: the measurements were taken in the old one. */
  async update(actor: Actor, indicatorId: string, patch: Partial<IndicatorFields>) {
    const { part: indicator } = await this.access.writablePart(actor, await this.indicators.findById(indicatorId));
    const next = { ...indicator, ...stripUndefined(patch), name: (patch.name ?? indicator.name).trim(), unit: (patch.unit ?? indicator.unit).trim() };
    checkDirection(next);
    if (next.unit !== indicator.unit && (await this.indicators.countMeasurements(indicatorId)) > 0) {
      throw invalid(ErrorCode.ChangeUnitMismatch, 'The unit cannot change once measurements were recorded in it', 'unit', `measurements are in ${indicator.unit}`);
    }
    await this.indicators.update(indicatorId, { name: patch.name === undefined ? undefined : next.name, unit: patch.unit === undefined ? undefined : next.unit, baseline: patch.baseline, targetValue: patch.targetValue, direction: patch.direction });
    return presentIndicatorFacts((await this.indicators.findById(indicatorId))!);
  }

  async remove(actor: Actor, indicatorId: string): Promise<void> {
    await this.access.writablePart(actor, await this.indicators.findById(indicatorId));
    await this.indicators.delete(indicatorId);
  }

  /**
   * Records a measurement in the indicator's own unit, dated no later than tomorrow (a day's grace for time zones
   * ahead of UTC). Every check passes before the one insert, so a refused measurement writes nothing.
   */
  async record(actor: Actor, indicatorId: string, input: MeasurementInput) {
    const { part: indicator } = await this.access.writablePart(actor, await this.indicators.findById(indicatorId));
    if (input.unit.trim() !== indicator.unit) {
      throw invalid(ErrorCode.ChangeUnitMismatch, `This indicator is measured in ${indicator.unit}`, 'unit', `must be ${indicator.unit}`);
    }
    if (input.measuredOn > addDays(this.access.today(), 1)) {
      throw invalid(ErrorCode.ChangeMeasurementInFuture, 'A measurement cannot be dated later than tomorrow', 'measuredOn', 'is in the future');
    }
    if (!Number.isFinite(input.value)) throw invalid(ErrorCode.ValidationFailed, 'The value must be a finite number', 'value', 'must be finite');
    const id = await this.indicators.addMeasurement(
      indicatorId,
      { measuredOn: input.measuredOn, value: input.value, note: (input.note ?? '').trim(), evidenceUrls: evidenceLinks(input.evidenceUrls) },
      actor.userId,
    );
    return presentMeasurement((await this.indicators.findMeasurement(id))!);
  }

  async measurements(actor: Actor, indicatorId: string, query: { cursor?: string; limit?: number }) {
    await this.access.readablePart(actor, await this.indicators.findById(indicatorId));
    const limit = query.limit ?? 100;
    const rows = await this.indicators.measurements(indicatorId, { after: decodeCursor(query.cursor), limit });
    return toPage(rows, limit, (m) => ({ key: m.measuredOn, id: m.id }), presentMeasurement);
  }

  async removeMeasurement(actor: Actor, measurementId: string): Promise<void> {
    await this.access.writablePart(actor, await this.indicators.measurementOwner(measurementId));
    await this.indicators.deleteMeasurement(measurementId);
  }
}

function checkDirection(fields: Pick<IndicatorFields, 'baseline' | 'targetValue' | 'direction'>): void {
  if (!directionFits(fields)) {
    const should = fields.direction === 'increase' ? 'above' : 'below';
    throw invalid(ErrorCode.ChangeDirectionMismatch, `To ${fields.direction}, the target value must be ${should} the baseline`, 'targetValue', `must be ${should} the baseline`);
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
