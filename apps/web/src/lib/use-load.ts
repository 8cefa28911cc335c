import { useEffect, useState } from 'preact/hooks';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  setData: (update: (current: T | undefined) => T | undefined) => void;
}

/** Runs `load` whenever `deps` change; a stale answer from an earlier run is dropped. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    load().then(
      (result) => {
        if (!live) return;
        setDataState(() => result);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!live) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
    // `load` is a fresh closure each render; the caller's deps say when its inputs really changed.
  }, [...deps, tick]);

  return {
    data,
    error,
    loading,
    reload: () => setTick((t) => t + 1),
    setData: (update) => setDataState((current) => update(current)),
  };
}
