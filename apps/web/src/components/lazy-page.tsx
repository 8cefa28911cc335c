import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Loading } from './loading';
import { Page } from './page';

/** Admin screens are split into their own chunks; most people never download them. */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): FunctionComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;

  return function LazyPage(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);

    useEffect(() => {
      if (Component) return;
      pending ??= load();
      pending.then(
        (component) => {
          loaded = component;
          setComponent(() => component);
        },
        () => {
          // A new release may have replaced the chunk; the next attempt fetches afresh.
          pending = null;
          setFailed(true);
        },
      );
    }, []);

    if (failed) {
      return (
        <Page title="This page could not load">
          <p>Part of ART Commons could not be downloaded. It may have just been updated.</p>
          <button type="button" class="button" onClick={() => window.location.reload()}>
            Reload the page
          </button>
        </Page>
      );
    }
    if (!Component) return <Loading />;
    return <Component {...props} />;
  };
}
