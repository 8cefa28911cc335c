import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, describeError, setUnauthenticatedHandler } from './api';
import type { Me } from './types';

/**
 * `me` is undefined while the first GET /me is in flight and null when signed out.
 * `loadError` is set when the server could not be asked at all: that is not the same as signed out.
 */
export interface Session {
  me: Me | null | undefined;
  loadError: string | null;
}

let state: Session = { me: undefined, loadError: null };
const listeners = new Set<(s: Session) => void>();

function publish(next: Session): void {
  state = next;
  for (const listener of listeners) listener(state);
}

export function setMe(me: Me | null): void {
  publish({ me, loadError: null });
}

export function useSession(): Session {
  const [value, setValue] = useState<Session>(state);
  useEffect(() => {
    listeners.add(setValue);
    setValue(state);
    return () => void listeners.delete(setValue);
  }, []);
  return value;
}

export async function loadSession(): Promise<void> {
  publish({ me: undefined, loadError: null });
  try {
    setMe(await api.get<Me>('/me'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) setMe(null);
    else publish({ me: undefined, loadError: describeError(error) });
  }
}

export async function signOut(): Promise<void> {
  try {
    await api.post<void>('/auth/logout');
  } finally {
    setMe(null);
  }
}

setUnauthenticatedHandler(() => {
  if (state.me) setMe(null);
});
