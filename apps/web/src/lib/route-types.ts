import type { VNode } from 'preact';
import type { Me } from './types';

export interface RouteContext {
  me: Me;
  params: Record<string, string>;
  search: string;
}

export interface Route {
  path: string;
  /** Who may see it once signed in; the server decides what data they get either way. */
  allow?: (me: Me) => boolean;
  render: (ctx: RouteContext) => VNode;
}
