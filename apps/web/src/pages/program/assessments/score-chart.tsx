import { dateText, scoreText } from './labels';

interface Point {
  at: string;
  score: number | null;
}

const WIDTH = 360;
const HEIGHT = 160;
const PAD = { left: 28, right: 12, top: 12, bottom: 24 };

/**
 * Scores over time as a small inline SVG line on a 1–5 scale; no chart library. The picture is described in its
 * label, and the table beside it carries every number, so nothing depends on seeing it.
 */
export function ScoreChart({ title, points }: { title: string; points: Point[] }) {
  const scored = points.filter((p): p is { at: string; score: number } => typeof p.score === 'number');
  if (scored.length === 0) return null;
  const times = scored.map((p) => Date.parse(p.at));
  const first = Math.min(...times);
  const span = Math.max(...times) - first;
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  // One point sits in the middle; several spread by when they were given.
  const x = (t: number) => PAD.left + (span === 0 ? innerW / 2 : ((t - first) / span) * innerW);
  const y = (score: number) => PAD.top + ((5 - score) / 4) * innerH;
  const path = scored.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(times[i]).toFixed(1)},${y(p.score).toFixed(1)}`).join(' ');
  const summary = `${title}: ${scored.map((p) => `${scoreText(p.score)} on ${dateText(p.at)}`).join(', ')}`;
  return (
    <svg class="score-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={summary}>
      {[1, 2, 3, 4, 5].map((level) => (
        <g key={level}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(level)} y2={y(level)} stroke="currentColor" stroke-opacity="0.15" />
          <text x={PAD.left - 8} y={y(level) + 4} text-anchor="end" font-size="11" fill="currentColor">
            {level}
          </text>
        </g>
      ))}
      <path d={path} fill="none" stroke="currentColor" stroke-width="2" />
      {scored.map((p, i) => (
        <circle key={p.at} cx={x(times[i])} cy={y(p.score)} r="4" fill="currentColor" />
      ))}
      <text x={PAD.left} y={HEIGHT - 6} font-size="11" fill="currentColor">
        {dateText(scored[0].at)}
      </text>
      {scored.length > 1 && (
        <text x={WIDTH - PAD.right} y={HEIGHT - 6} font-size="11" fill="currentColor" text-anchor="end">
          {dateText(scored[scored.length - 1].at)}
        </text>
      )}
    </svg>
  );
}
