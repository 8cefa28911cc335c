// Deterministic sample Markdown: forum-sized posts (~55 words) and a 64 KB mixed document, from a fixed seed,
// so every run renders and stores the same text.

const WORDS = (
  'curriculum equity students faculty racism medicine clinical patients community learning coalition school dean ' +
  'bias assessment reflection dialogue structural health outcomes residency admissions mentoring data review ' +
  'policy change feedback workshop session cohort evidence practice training support voices history trust care ' +
  'language framework accountability action plan measure progress team meeting goals shared experience listening ' +
  'the a of and to in we our this that with for on is are be it as from how what why when can should will'
).split(' ');

/** A small deterministic generator (mulberry32), so the texts do not depend on Math.random. */
export function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (next, list) => list[Math.floor(next() * list.length)];

function sentence(next, words) {
  const list = Array.from({ length: words }, () => pick(next, WORDS));
  list[0] = list[0][0].toUpperCase() + list[0].slice(1);
  return `${list.join(' ')}.`;
}

/** A forum reply of about `words` words, with a little Markdown: emphasis, sometimes a link or a short list. */
export function forumPost(next, words = 55) {
  const parts = [];
  let left = words;
  while (left > 0) {
    const n = Math.min(left, 8 + Math.floor(next() * 7));
    parts.push(sentence(next, n));
    left -= n;
  }
  const mid = Math.floor(parts.length / 2);
  parts[0] = parts[0].replace(/^(\S+ \S+)/, '**$1**');
  let text = `${parts.slice(0, mid).join(' ')}\n\n${parts.slice(mid).join(' ')}`;
  const variant = Math.floor(next() * 4);
  if (variant === 1) text += '\n\nSee https://example.org/toolkit for the _shared_ materials.';
  if (variant === 2) text += '\n\n- one next step\n- another next step';
  return text;
}

/** Mixed Markdown of at most `bytes` UTF-8 bytes: headings, paragraphs, lists, quotes, code, links, tables. */
export function mixedDocument(bytes = 64 * 1024, seed = 7) {
  const next = generator(seed);
  const blocks = [];
  let size = 0;
  for (let i = 0; size < bytes; i += 1) {
    let block;
    switch (i % 8) {
      case 0:
        block = `## ${sentence(next, 5).slice(0, -1)}`;
        break;
      case 1:
      case 2:
        block = `${sentence(next, 14)} *${sentence(next, 4)}* ${sentence(next, 12)} [a link](https://example.org/${i}) ${sentence(next, 8)} \`inline code\`.`;
        break;
      case 3:
        block = Array.from({ length: 4 }, (_, k) => `${k + 1}. ${sentence(next, 7)}`).join('\n');
        break;
      case 4:
        block = Array.from({ length: 3 }, () => `> ${sentence(next, 10)}`).join('\n');
        break;
      case 5:
        block = '```\n' + Array.from({ length: 4 }, (_, k) => `const value${k} = compute(${k}, "${pick(next, WORDS)}");`).join('\n') + '\n```';
        break;
      case 6:
        block = `| item | note |\n| --- | --- |\n| ${pick(next, WORDS)} | ${sentence(next, 5)} |\n| ${pick(next, WORDS)} | **${sentence(next, 4)}** |`;
        break;
      default:
        block = `- ${sentence(next, 6)} www.example.com/${i}\n- ${sentence(next, 6)}\n  - ${sentence(next, 5)}`;
    }
    const add = Buffer.byteLength(block) + 2;
    if (size + add > bytes) break;
    blocks.push(block);
    size += add;
  }
  return blocks.join('\n\n');
}
