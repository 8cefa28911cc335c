/** One run of lines in a diff: kept as they were, removed from the older text, or added in the newer one. */
export interface DiffPart {
  op: 'same' | 'removed' | 'added';
  lines: string[];
}

/** Beyond this many lines on each side the table would be too large; the diff then compares whole texts. */
const MAX_LINES = 4000;
/** Unchanged lines kept around each change; longer unchanged runs are cut to this and counted as skipped. */
const CONTEXT = 2;

/**
 * A readable line diff of two texts, for showing what a revision changed. Longest common subsequence over lines
 * (texts here are articles of at most 64 KB), then long unchanged runs are shortened to their context lines.
 */
export function diffLines(before: string, after: string): { parts: DiffPart[]; skippedLines: number } {
  const a = before.split('\n');
  const b = after.split('\n');
  if (before === after) return { parts: [], skippedLines: a.length };
  if (a.length > MAX_LINES || b.length > MAX_LINES) {
    return { parts: [{ op: 'removed', lines: a }, { op: 'added', lines: b }], skippedLines: 0 };
  }
  return collapse(walk(a, b));
}

function walk(a: string[], b: string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  // lengths[i * (m + 1) + j]: the longest common subsequence of a[i..] and b[j..].
  const lengths = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lengths[i * (m + 1) + j] =
        a[i] === b[j] ? lengths[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(lengths[(i + 1) * (m + 1) + j], lengths[i * (m + 1) + j + 1]);
    }
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], line: string) => {
    const last = parts[parts.length - 1];
    if (last?.op === op) last.lines.push(line);
    else parts.push({ op, lines: [line] });
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      push('same', a[i]);
      i += 1;
      j += 1;
    } else if (i < n && (j === m || lengths[(i + 1) * (m + 1) + j] >= lengths[i * (m + 1) + j + 1])) {
      // Removals first: a changed line reads as the old line struck out, then the new one.
      push('removed', a[i]);
      i += 1;
    } else {
      push('added', b[j]);
      j += 1;
    }
  }
  return parts;
}

function collapse(parts: DiffPart[]): { parts: DiffPart[]; skippedLines: number } {
  let skippedLines = 0;
  const kept = parts.map((part, index) => {
    if (part.op !== 'same') return part;
    const keepBefore = index > 0 ? CONTEXT : 0;
    const keepAfter = index < parts.length - 1 ? CONTEXT : 0;
    if (part.lines.length <= keepBefore + keepAfter) return part;
    skippedLines += part.lines.length - keepBefore - keepAfter;
    return { op: part.op, lines: [...part.lines.slice(0, keepBefore), ...part.lines.slice(part.lines.length - keepAfter)] };
  });
  return { parts: kept.filter((part) => part.lines.length > 0), skippedLines };
}
