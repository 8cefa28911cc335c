import { SetMetadata } from '@nestjs/common';

/**
 * Every route declares who may call it; the global guard refuses a route that declares nothing,
 * and the route-inventory test fails on one. Finer, per-resource rules live in the access policy.
 */
export type RouteAccess = 'public' | 'signed-in';
export const ROUTE_ACCESS = 'art:route-access';

/** Reachable without signing in (sign-in itself, invitation links, health). */
export const Public = () => SetMetadata(ROUTE_ACCESS, 'public' satisfies RouteAccess);
/** Any signed-in person; the service then asks the access policy about the specific resource. */
export const SignedIn = () => SetMetadata(ROUTE_ACCESS, 'signed-in' satisfies RouteAccess);

export const CSRF_EXEMPT = 'art:csrf-exempt';
/**
 * Writes that outside systems make without a browser (RFC 8058 one-click unsubscribe from a mail provider) cannot send
 * the CSRF header. The guard then ignores the session cookie too, so such a route acts only on what its own request
 * proves (a signed token), never on whoever happens to be signed in: a cross-site form post gains nothing.
 */
export const CsrfExempt = () => SetMetadata(CSRF_EXEMPT, true);
