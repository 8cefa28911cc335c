import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { hasNavigated } from '../lib/router';

const PRODUCT = 'ART Commons';

interface Props {
  /** The h1 text and the first part of the document title. */
  title: string;
  /** Shorter text for the tab when the heading is long or personal. */
  documentTitle?: string;
  intro?: ComponentChildren;
  children?: ComponentChildren;
}

/**
 * Every route renders one Page: it owns the h1, the document title, and moving focus to the h1
 * after a client-side navigation so screen readers announce the new page.
 */
export function Page({ title, documentTitle, intro, children }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${documentTitle ?? title} · ${PRODUCT}`;
  }, [title, documentTitle]);

  useEffect(() => {
    if (hasNavigated()) heading.current?.focus({ preventScroll: true });
  }, []);

  return (
    <>
      <h1 ref={heading} tabIndex={-1} class="page-title">
        {title}
      </h1>
      {intro && <div class="page-intro">{intro}</div>}
      {children}
    </>
  );
}
