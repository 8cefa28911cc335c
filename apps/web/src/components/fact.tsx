import type { ComponentChildren } from 'preact';

/** One term and its value, inside a `<dl class="facts">`. */
export function Fact({ term, children }: { term: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
