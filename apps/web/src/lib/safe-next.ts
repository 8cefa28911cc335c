/** Only same-site paths may be a post-sign-in destination, so `?next=` cannot send people elsewhere. */
export function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/signin') || next.startsWith('/invite/')) return '/';
  return next;
}
