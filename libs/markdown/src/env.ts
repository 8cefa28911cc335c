/** Per-render state, carried through markdown-it's `env` so the parser itself can stay a shared singleton. */
export interface RenderEnv {
  readonly acceptMention: (handle: string) => boolean;
  readonly postUrl: (postNumber: number) => string;
  /** Sets keep the first-seen order and stay linear on posts with thousands of entries. */
  readonly mentions: Set<string>;
  readonly quotes: Set<number>;
  readonly links: Set<string>;
  /** Nesting depth of `[quote]` blocks while the block parser is inside one. */
  quoteDepth: number;
  /** Matching `[/quote]` line for each `[quote=N]` line of the document, computed once per render. */
  quotePairs?: QuotePairs;
}

export interface QuotePairs {
  /** Offset in the source where each line's content starts, as the top-level parser sees it. */
  readonly contentStart: Int32Array;
  /** For an opener line: the line of its matching closer, or -1. */
  readonly closerOf: Int32Array;
}
