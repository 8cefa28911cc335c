import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ErrorCode } from '@app/core';

// Hashed assets are listed when the server starts; an unknown one (e.g. from an older build) must be a 404,
// not index.html served as a script.
const NOT_CLIENT_ROUTES = /^\/(api|realtime|health|assets)([/?]|$)/;

/**
 * Serves the built web client at `/`. Any other GET that is not an API, socket or health path gets
 * index.html, so client-side routes survive a reload. Returns false when the client is not built.
 */
export async function serveWebClient(app: NestFastifyApplication, dir: string): Promise<boolean> {
  if (!existsSync(join(dir, 'index.html'))) return false;
  await app.register(fastifyStatic, { root: dir, prefix: '/', wildcard: false, index: ['index.html'] });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/*', (request, reply) => {
    if (NOT_CLIENT_ROUTES.test(request.url)) {
      return reply
        .status(404)
        .send({ statusCode: 404, code: ErrorCode.RouteNotFound, message: 'No such route', requestId: request.id });
    }
    // cacheControl: false, or @fastify/static replaces our header with its own `public, max-age=0`.
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
  });
  return true;
}
