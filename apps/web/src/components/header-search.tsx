import { useRef } from 'preact/hooks';
import { navigate } from '../lib/router';

/**
 * The site-wide search box: a real GET form to /search, so it works as a plain link would; a plain submit
 * stays in the app without reloading it.
 */
export function HeaderSearch() {
  const input = useRef<HTMLInputElement>(null);
  function submit(event: Event) {
    event.preventDefault();
    const q = input.current?.value.trim() ?? '';
    navigate(`/search${q ? `?q=${encodeURIComponent(q)}` : ''}`);
  }
  return (
    <form class="header-search" role="search" action="/search" method="get" onSubmit={submit}>
      <label for="site-search" class="visually-hidden">
        Search ART Commons
      </label>
      <input id="site-search" ref={input} type="search" name="q" maxLength={1000} placeholder="Search" autoComplete="off" />
      <button type="submit" class="button button-small">
        Search
      </button>
    </form>
  );
}
