// Figures in the shape { name, unit, value, baseline, ratio }, the run's metadata, the JSON files and the summary.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

const round = (n, digits = 2) => (n === null || n === undefined ? null : Number(n.toFixed(digits)));

export function figure(name, unit, value, baseline, extra = {}) {
  return { name, unit, value: round(value), baseline: round(baseline), ratio: baseline ? round(value / baseline, 3) : null, ...extra };
}

function git(root, args) {
  try {
    return execFileSync('git', ['--no-optional-locks', ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export function metadata(root, extra) {
  const status = git(root, ['status', '--porcelain']);
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpuCount: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? null,
    memoryMiB: Math.round(totalmem() / 1_048_576),
    // Other work on the machine moves every figure; the 1/5/15-minute load averages at the end of the run.
    loadAverage: loadavg().map((n) => round(n)),
    commit: git(root, ['rev-parse', '--short', 'HEAD']),
    dirty: status === null ? null : status.length > 0,
    ...extra,
  };
}

/** Writes bench/results/foundation-<timestamp>.json and latest.json; returns the first path. */
export function writeResults(resultsDir, report) {
  mkdirSync(resultsDir, { recursive: true });
  const stamp = report.date.replace(/[:.]/g, '-');
  const file = join(resultsDir, `foundation-${stamp}.json`);
  const text = `${JSON.stringify(report, null, 2)}\n`;
  writeFileSync(file, text);
  writeFileSync(join(resultsDir, 'latest.json'), text);
  return file;
}

export function summary(report) {
  const rows = report.figures.map((f) => [
    f.name,
    f.unit,
    f.skipped ? 'skipped' : String(f.value),
    f.baseline === null ? '-' : String(f.baseline),
    f.ratio === null ? '-' : `${f.ratio}x`,
  ]);
  const header = ['figure', 'unit', 'app', 'baseline', 'app/baseline'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [
    `ART Commons foundation bench — ${report.date}, node ${report.node}, ${report.cpuCount} CPUs (load ${report.loadAverage.join(' ')}), commit ${report.commit ?? '?'}${report.dirty ? ' (dirty)' : ''}, database ${report.database}`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    ...report.figures
      .filter((f) => f.details?.target)
      .map(({ name, details: { target: t } }) =>
        `target ${name}: ${t.condition ?? `app >= ${t.minRatio}x baseline and p99 < ${t.maxP99Ms} ms`}: ${t.met ? 'met' : 'NOT met'} (${t.outcome ?? `${t.ratio}x, p99 ${t.p99Ms} ms${'lost' in t ? `, lost ${t.lost}, duplicated ${t.duplicated}` : ''}`})`,
      ),
    ...report.figures
      .filter((f) => f.skipped && (f.name.endsWith('_per_second') || f.name === 'digest_two_workers'))
      .map((f) => `skipped ${f.name}: ${f.skipped}`),
  ].join('\n');
}
