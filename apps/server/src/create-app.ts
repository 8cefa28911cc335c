import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { PinoNestLogger, requestContext, type AppConfig, type Clock } from '@app/core';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { registerOneClickBodyParsers } from './controllers/unsubscribe.controller';
import { strictValidationPipe } from './http/validation';
import { setUpOpenApi } from './openapi';
import { RealtimeAdapter } from './realtime/realtime.adapter';
import { serveWebClient } from './web/web-client';

export interface CreateAppOptions {
  config: AppConfig;
  databaseUrl: string;
  logger: Logger;
  clock?: Clock;
}

const INCOMING_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Builds the whole HTTP + socket server, initialised but not yet listening. Used by main and by tests. */
export async function createApp(options: CreateAppOptions): Promise<NestFastifyApplication> {
  const { config, logger } = options;
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && INCOMING_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
  });
  const fastify = adapter.getInstance();
  // Every log line written while handling a request carries its id.
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    requestContext.run({ requestId: request.id }, done);
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config, databaseUrl: options.databaseUrl, clock: options.clock }),
    adapter,
    // JSON only: Nest's form parser and Fastify's text/plain parser would let non-JSON bodies through (415 instead).
    { logger: new PinoNestLogger(logger), abortOnError: false, bodyParser: false },
  );
  fastify.removeContentTypeParser('text/plain');
  // One exception, for RFC 8058 one-click unsubscribe only (mail providers post a form): see the function.
  registerOneClickBodyParsers(fastify);
  await app.register(fastifyCookie);
  app.setGlobalPrefix('api/v1', { exclude: ['health/live', 'health/ready'] });
  app.useGlobalPipes(strictValidationPipe());
  app.useWebSocketAdapter(new RealtimeAdapter(app, config.redisUrl));
  setUpOpenApi(app);
  await serveWebClient(app, config.webDistDir);
  await app.init();
  return app;
}
