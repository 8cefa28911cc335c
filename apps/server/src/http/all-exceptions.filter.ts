import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mapError } from './error-response';

/** Every HTTP error leaves through here, in one shape with a stable code. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const mapped = mapError(exception, request.id);
    if (mapped.unexpected) {
      this.logger.error({ err: exception, method: request.method, route: request.routeOptions?.url }, 'unhandled error');
    }
    reply.status(mapped.body.statusCode).headers(mapped.headers).send(mapped.body);
  }
}
