import type { Route } from '../../../lib/route-types';

/**
 * The program's change pages. Each page is loaded with lazyPage when first opened, so the entry bundle stays small.
 */
export const PROGRAM_CHANGE_ROUTES: Route[] = [];
