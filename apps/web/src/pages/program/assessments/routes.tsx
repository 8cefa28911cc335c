import type { Route } from '../../../lib/route-types';

/**
 * The program's assessments pages. Each page is loaded with lazyPage when first opened, so the entry bundle stays small.
 */
export const PROGRAM_ASSESSMENTS_ROUTES: Route[] = [];
