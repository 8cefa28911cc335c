import { randomUUID } from 'node:crypto';
import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ApplicationConfig, MetadataScanner, ModulesContainer } from '@nestjs/core';
import request from 'supertest';
import { ROUTE_ACCESS, type RouteAccess } from '../../apps/server/src/http/route-access.decorator';
import { startTestApp, type TestApp } from '../support/test-app';

/*
 * The guard refuses a route that declares no access, but only at request time. This inventory reads every
 * route Nest registered, so an undeclared or wrongly declared route fails here before anyone calls it.
 */

interface Route {
  method: string;
  path: string;
  access: RouteAccess | undefined;
  handler: string;
}

const asArray = (value: string | string[] | undefined): string[] => (Array.isArray(value) ? value : [value ?? '']);
const join = (...parts: string[]) =>
  '/' +
  parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/');

function inventory(t: TestApp): Route[] {
  const appConfig = t.app.get(ApplicationConfig);
  const prefix = appConfig.getGlobalPrefix();
  const excluded = appConfig.getGlobalPrefixOptions().exclude ?? [];
  const scanner = new MetadataScanner();
  const routes: Route[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | undefined;
      if (!controller) continue;
      const classAccess = Reflect.getMetadata(ROUTE_ACCESS, controller) as RouteAccess | undefined;
      for (const name of scanner.getAllMethodNames(controller.prototype)) {
        const handler = controller.prototype[name] as object;
        const methodPaths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (methodPaths === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        // Handler first, then class: the same precedence as the guard's getAllAndOverride.
        const access = (Reflect.getMetadata(ROUTE_ACCESS, handler) as RouteAccess | undefined) ?? classAccess;
        for (const controllerPath of asArray(Reflect.getMetadata(PATH_METADATA, controller))) {
          for (const methodPath of asArray(methodPaths)) {
            const unprefixed = join(controllerPath, methodPath);
            const isExcluded = excluded.some(
              (route) =>
                (route.requestMethod === RequestMethod.ALL || RequestMethod[route.requestMethod] === method) &&
                route.pathRegex.test(unprefixed),
            );
            routes.push({
              method,
              path: isExcluded ? unprefixed : join(prefix, unprefixed),
              access,
              handler: `${controller.name}.${name}`,
            });
          }
        }
      }
    }
  }
  return routes;
}

/** Params become values the router accepts; the guard answers before any pipe or service looks at them. */
const concretePath = (path: string) => path.replace(/:(\w+)/g, (_, name: string) => (name === 'token' ? 'x' : randomUUID()));
const describeRoute = (route: Route) => `${route.method} ${route.path} (${route.handler})`;

let t: TestApp;
let routes: Route[];
beforeAll(async () => {
  t = await startTestApp();
  routes = inventory(t);
});
afterAll(() => t.close());

describe('route inventory', () => {
  it('finds the routes of every controller, at the paths the server really serves', () => {
    expect(routes.length).toBeGreaterThanOrEqual(40);
    const fastify = t.app.getHttpAdapter().getInstance();
    const unserved = routes.filter((route) => !fastify.hasRoute({ method: route.method, url: route.path }));
    expect(unserved.map(describeRoute)).toEqual([]);
    const paths = new Set(routes.map((route) => `${route.method} ${route.path}`));
    expect(paths.size).toBe(routes.length);
  });

  it('declares public or signed-in access on every route handler or its controller', () => {
    const undeclared = routes.filter((route) => route.access !== 'public' && route.access !== 'signed-in');
    expect(undeclared.map(describeRoute)).toEqual([]);
  });

  it.each<[string, string, RouteAccess]>([
    ['POST', '/api/v1/auth/login', 'public'],
    ['POST', '/api/v1/auth/logout', 'public'],
    ['POST', '/api/v1/auth/password-reset', 'public'],
    ['POST', '/api/v1/auth/password-reset/confirm', 'public'],
    ['GET', '/api/v1/invitations/:token', 'public'],
    ['POST', '/api/v1/invitations/:token/accept', 'public'],
    ['POST', '/api/v1/notifications/unsubscribe/one-click', 'public'],
    ['GET', '/health/live', 'public'],
    ['GET', '/health/ready', 'public'],
    ['GET', '/api/v1/me', 'signed-in'],
    ['GET', '/api/v1/invitations', 'signed-in'],
    ['POST', '/api/v1/invitations', 'signed-in'],
    ['GET', '/api/v1/members/:id', 'signed-in'],
    ['DELETE', '/api/v1/cohorts/:id/members/:userId', 'signed-in'],
    ['PATCH', '/api/v1/groups/:id', 'signed-in'],
    ['DELETE', '/api/v1/institutions/:id', 'signed-in'],
  ])('lists %s %s as %s', (method, path, access) => {
    expect(routes.find((route) => route.method === method && route.path === path)?.access).toBe(access);
  });

  it('makes public only sign-in, sign-out, password reset, invitation and unsubscribe links, calendar feeds and health (anything else would be reachable signed out)', () => {
    const publicRoutes = routes.filter((route) => route.access === 'public').map((route) => `${route.method} ${route.path}`);
    expect(publicRoutes.sort()).toEqual(
      [
        'GET /api/v1/invitations/:token',
        'GET /health/live',
        'GET /health/ready',
        'POST /api/v1/auth/login',
        'POST /api/v1/auth/logout',
        'POST /api/v1/auth/password-reset',
        'POST /api/v1/auth/password-reset/confirm',
        'POST /api/v1/invitations/:token/accept',
        'GET /api/v1/notifications/unsubscribe',
        'POST /api/v1/notifications/unsubscribe',
        'POST /api/v1/notifications/unsubscribe/one-click',
        'GET /api/v1/calendar/:file',
      ].sort(),
    );
  });
});

describe('signed-in routes without a session', () => {
  const signedInGets = () => routes.filter((route) => route.access === 'signed-in' && route.method === 'GET');

  it('answers every signed-in GET route with 401 UNAUTHENTICATED when no cookie is sent', async () => {
    const gets = signedInGets();
    expect(gets.length).toBeGreaterThan(10);
    const wrong: string[] = [];
    for (const route of gets) {
      const response = await request(t.url).get(concretePath(route.path));
      if (response.status !== 401 || response.body.code !== 'UNAUTHENTICATED') {
        wrong.push(`${describeRoute(route)} → ${response.status} ${JSON.stringify(response.body)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers every signed-in write route with 401 UNAUTHENTICATED when only the CSRF header is sent', async () => {
    const writes = routes.filter((route) => route.access === 'signed-in' && route.method !== 'GET');
    expect(writes.length).toBeGreaterThan(10);
    const wrong: string[] = [];
    for (const route of writes) {
      const response = await request(t.url)
        [route.method.toLowerCase() as 'post' | 'patch' | 'put' | 'delete'](concretePath(route.path))
        .set('X-Requested-With', 'art-commons')
        .send({});
      if (response.status !== 401 || response.body.code !== 'UNAUTHENTICATED') {
        wrong.push(`${describeRoute(route)} → ${response.status} ${JSON.stringify(response.body)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers every signed-in GET route with 401 for a cookie that names no session', async () => {
    const wrong: string[] = [];
    for (const route of signedInGets()) {
      const response = await request(t.url).get(concretePath(route.path)).set('Cookie', 'artc_session=not-a-real-session');
      if (response.status !== 401 || response.body.code !== 'UNAUTHENTICATED') {
        wrong.push(`${describeRoute(route)} → ${response.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('never answers 401 on a public GET route called without a cookie', async () => {
    const refused: string[] = [];
    for (const route of routes.filter((r) => r.access === 'public' && r.method === 'GET')) {
      const response = await request(t.url).get(concretePath(route.path));
      if (response.status === 401) refused.push(describeRoute(route));
    }
    expect(refused).toEqual([]);
  });
});
