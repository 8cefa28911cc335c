import { useEffect } from 'preact/hooks';
import { navigate } from '../lib/router';

/** Navigation is a side effect, so it waits for commit instead of running during render. */
export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return <p role="status">Redirecting…</p>;
}
