const START = '\uE000';
const STOP = '\uE001';

/** ts_headline options: private-use characters around matches, so no text a person wrote can pose as a marker. */
export const MARK_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * A snippet as safe HTML: everything escaped, then the engine's markers (and only they) become <mark>. Markers that
 * do not pair up are dropped rather than left open.
 */
export function markedSnippet(text: string, start = START, stop = STOP): string {
  const escaped = text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
  let open = false;
  let html = '';
  for (const char of escaped) {
    if (char === start && !open) {
      html += '<mark>';
      open = true;
    } else if (char === stop && open) {
      html += '</mark>';
      open = false;
    } else if (char !== start && char !== stop) html += char;
  }
  return open ? `${html}</mark>` : html;
}
