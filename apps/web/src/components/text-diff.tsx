import type { VNode } from 'preact';
import type { TextDiff } from '../lib/forum-types';

const MARK = { same: ' ', removed: '−', added: '+' } as const;
const SPOKEN = { same: 'unchanged', removed: 'removed', added: 'added' } as const;

/**
 * A line diff as plain text (never rendered Markdown): removed lines struck through, added ones underlined, each
 * also marked with a sign and a spoken label so the change does not rest on colour alone.
 */
export function TextDiffView({ diff, label }: { diff: TextDiff; label: string }): VNode {
  if (diff.parts.length === 0) return <p class="muted">No change to the text.</p>;
  return (
    <div class="text-diff" role="group" aria-label={label}>
      {diff.parts.map((part, i) => {
        const Tag = part.op === 'removed' ? 'del' : part.op === 'added' ? 'ins' : 'span';
        return (
          <Tag key={i} class={`diff-${part.op}`} aria-label={`${SPOKEN[part.op]}: ${part.lines.length} line${part.lines.length === 1 ? '' : 's'}`}>
            {part.lines.map((line) => `${MARK[part.op]} ${line}\n`).join('')}
          </Tag>
        );
      })}
      {diff.skippedLines > 0 && <p class="muted">{diff.skippedLines} unchanged lines not shown.</p>}
    </div>
  );
}
