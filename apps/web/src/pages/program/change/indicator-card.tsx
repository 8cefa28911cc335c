import type { ComponentChildren } from 'preact';
import { formatDay, formatPercent, formatValue } from './change-labels';
import { LineChart } from './line-chart';
import type { ChartPoint, Direction, Standing } from './types';

interface Props extends Standing {
  name: string;
  unit: string;
  baseline: number;
  targetValue: number;
  direction: Direction;
  points: ChartPoint[];
  headingLevel?: 3 | 4;
  children?: ComponentChildren;
}

/** One indicator: where it stands (latest value, progress toward the target, on track or not) and its chart. */
export function IndicatorCard({ name, unit, baseline, targetValue, direction, points, latest, progress, onTrack, headingLevel = 3, children }: Props) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <article class="card indicator-card">
      <Heading>{name}</Heading>
      <dl class="facts">
        <div>
          <dt>Latest</dt>
          <dd class="indicator-latest">{latest ? `${formatValue(latest.value, unit)} on ${formatDay(latest.measuredOn)}` : 'Not measured yet'}</dd>
        </div>
        <div>
          <dt>Baseline → target</dt>
          <dd>
            {formatValue(baseline, unit)} → {formatValue(targetValue, unit)} ({direction === 'increase' ? 'to increase' : 'to decrease'})
          </dd>
        </div>
        <div>
          <dt>Progress</dt>
          <dd>
            {formatPercent(progress)}
            {latest && <span class={onTrack ? 'pill pill-accepted' : 'pill pill-expired'} style={{ marginLeft: '0.5rem' }}>{onTrack ? 'On track' : 'Behind'}</span>}
          </dd>
        </div>
      </dl>
      <LineChart name={name} unit={unit} baseline={baseline} targetValue={targetValue} points={points} />
      {children}
    </article>
  );
}
