import { useId } from 'preact/hooks';
import { formatDay, formatValue } from './change-labels';
import type { ChartPoint } from './types';

interface Props {
  name: string;
  unit: string;
  baseline: number;
  targetValue: number;
  points: ChartPoint[];
}

const WIDTH = 320;
const HEIGHT = 160;
const PAD = { top: 12, right: 12, bottom: 22, left: 40 };
const DAY_MS = 86_400_000;

const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const short = (value: number) => (Math.abs(value) >= 1000 ? `${Math.round(value / 100) / 10}k` : String(Math.round(value * 10) / 10));

/**
 * An indicator over time, drawn as plain SVG: the baseline (dashed), the target (dashed, darker) and the measured
 * points joined by a line. The picture is described by its title and description, and every point is listed in a
 * table for screen readers, so nothing depends on seeing it.
 */
export function LineChart({ name, unit, baseline, targetValue, points }: Props) {
  const id = useId();
  const values = [baseline, targetValue, ...points.map((p) => p.value)];
  let [low, high] = [Math.min(...values), Math.max(...values)];
  if (low === high) [low, high] = [low - 1, high + 1];
  const margin = (high - low) * 0.08;
  [low, high] = [low - margin, high + margin];
  const days = points.map((p) => dayOf(p.date));
  const [first, last] = days.length ? [Math.min(...days), Math.max(...days)] : [0, 1];
  const span = last - first || 1;
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (day: number) => PAD.left + (points.length === 1 ? plotWidth / 2 : ((day - first) / span) * plotWidth);
  const y = (value: number) => PAD.top + (1 - (value - low) / (high - low)) * plotHeight;
  const line = points.map((p, i) => `${x(days[i]).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const latest = points[points.length - 1];
  const description = points.length
    ? `${points.length} measurement${points.length === 1 ? '' : 's'} from ${formatDay(points[0].date)} to ${formatDay(latest.date)}; latest ${formatValue(latest.value, unit)}. Baseline ${formatValue(baseline, unit)}, target ${formatValue(targetValue, unit)}.`
    : `No measurements yet. Baseline ${formatValue(baseline, unit)}, target ${formatValue(targetValue, unit)}.`;

  return (
    <figure class="change-chart" style={{ margin: '0.5rem 0' }}>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        style={{ maxWidth: `${WIDTH * 1.5}px`, height: 'auto', display: 'block' }}
        data-points={points.length}
      >
        <title id={`${id}-title`}>{name}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <rect x={PAD.left} y={PAD.top} width={plotWidth} height={plotHeight} fill="#f0ede8" />
        <line class="chart-baseline" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(baseline)} y2={y(baseline)} stroke="#4f5861" stroke-dasharray="4 3" />
        <text x={PAD.left - 4} y={y(baseline) + 3} text-anchor="end" font-size="9" fill="#4f5861">
          {short(baseline)}
        </text>
        <line class="chart-target" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(targetValue)} y2={y(targetValue)} stroke="#1d6b38" stroke-width="1.5" stroke-dasharray="6 3" />
        <text x={PAD.left - 4} y={y(targetValue) + 3} text-anchor="end" font-size="9" fill="#1d6b38">
          {short(targetValue)}
        </text>
        {points.length > 1 && <polyline points={line} fill="none" stroke="#0b5c63" stroke-width="2" />}
        {points.map((p, i) => (
          <circle key={`${p.date}-${i}`} class="chart-point" cx={x(days[i])} cy={y(p.value)} r="3" fill="#0b5c63" />
        ))}
        {points.length > 0 && (
          <>
            <text x={PAD.left} y={HEIGHT - 6} font-size="9" fill="#4f5861">
              {formatDay(points[0].date)}
            </text>
            <text x={WIDTH - PAD.right} y={HEIGHT - 6} font-size="9" fill="#4f5861" text-anchor="end">
              {formatDay(latest.date)}
            </text>
          </>
        )}
      </svg>
      <figcaption class="muted" style={{ fontSize: '0.85rem' }}>
        Dashed grey: baseline. Dashed green: target.
      </figcaption>
      <table class="visually-hidden">
        <caption>Measurements of {name}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Value ({unit})</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p, i) => (
            <tr key={`${p.date}-${i}`}>
              <td>{formatDay(p.date)}</td>
              <td>{p.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
