import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ErrorCode } from '@app/core';
import { AuthService, type Authenticated } from '@app/identity';
import type { AuthedRequest } from './current-auth.decorator';
import { CSRF_EXEMPT, ROUTE_ACCESS, type RouteAccess } from './route-access.decorator';
import { CSRF_HEADER, CSRF_HEADER_VALUE, SESSION_COOKIE } from './session-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs on every route: identifies the caller (session cookie or Bearer API token), applies the CSRF rule,
 * and enforces the route's declared access. A route with no declaration is refused (fail closed).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    if (!access) {
      this.logger.error({ route: request.routeOptions?.url }, 'route declares no access; refusing');
      throw new DomainError(ErrorCode.Forbidden, 403, 'This route is not available');
    }
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    // See CsrfExempt: such a route skips the header check and, in exchange, is served as if no cookie came with it.
    const csrfExempt = this.reflector.getAllAndOverride<boolean | undefined>(CSRF_EXEMPT, [
      context.getHandler(),
      context.getClass(),
    ]);
    // Browsers cannot add a custom header cross-site without a CORS preflight we never grant; so a
    // cookie-borne write (and sign-in itself) must carry it. Bearer tokens are not sent by browsers on their own.
    if (!bearer && !csrfExempt && !SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE) {
      throw new DomainError(ErrorCode.CsrfHeaderMissing, 403, `Send the header X-Requested-With: ${CSRF_HEADER_VALUE}`);
    }
    const cookie = csrfExempt ? undefined : request.cookies?.[SESSION_COOKIE];
    let authenticated: Authenticated | null = null;
    if (bearer) {
      authenticated = await this.auth.fromApiToken(bearer);
      if (!authenticated) throw new DomainError(ErrorCode.Unauthenticated, 401, 'The API token is not valid');
    } else if (cookie) {
      authenticated = await this.auth.fromSessionToken(cookie);
    }
    if (authenticated) request.auth = authenticated;
    if (access === 'signed-in' && !authenticated) throw new DomainError(ErrorCode.Unauthenticated, 401, 'Sign in first');
    return true;
  }
}
