import { Body, Controller, createParamDecorator, Get, HttpCode, Post, Query, type ExecutionContext } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { errorCodes, type FastifyInstance } from 'fastify';
import type { Actor } from '@app/identity';
import { UnsubscribeService } from '@app/notifications';
import { UnsubscribeDto } from '../dto/notification.dto';
import type { AuthedRequest } from '../http/current-auth.decorator';
import { CsrfExempt, Public } from '../http/route-access.decorator';

/** The one route that takes a form body; every other route still answers 415 to anything but JSON. */
export const ONE_CLICK_ROUTE = '/api/v1/notifications/unsubscribe/one-click';

/**
 * RFC 8058: the mail provider POSTs `List-Unsubscribe=One-Click` as a form (urlencoded, or multipart as the RFC
 * prefers). The body carries nothing we need (the signed token in the URL is the whole proof), so it is read and
 * dropped; on any other route these types stay refused, as before.
 */
export function registerOneClickBodyParsers(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(
    ['application/x-www-form-urlencoded', 'multipart/form-data'],
    { parseAs: 'string' },
    (request, _body, done) => {
      if (request.routeOptions.url !== ONE_CLICK_ROUTE) {
        done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(String(request.headers['content-type'])), undefined);
        return;
      }
      done(null, {});
    },
  );
}

/** The signed-in person when a session came with the request; public routes still learn who is there. */
const OptionalActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): Actor | null => context.switchToHttp().getRequest<AuthedRequest>().auth?.actor ?? null,
);

/** Unsubscribe links from email footers: no sign-in, a signed token names the person and what to turn off. */
@ApiTags('notifications')
@Controller('notifications/unsubscribe')
@Public()
export class UnsubscribeController {
  constructor(private readonly unsubscribe: UnsubscribeService) {}

  /** What the link turns off, for the landing page; changes nothing (link scanners in mail systems GET freely). */
  @Get()
  describe(@Query() query: UnsubscribeDto, @OptionalActor() actor: Actor | null) {
    return this.unsubscribe.describe(query.token, actor);
  }

  @Post()
  @HttpCode(200)
  confirm(@Body() body: UnsubscribeDto, @OptionalActor() actor: Actor | null) {
    return this.unsubscribe.confirm(body.token, actor);
  }

  /**
   * Mail providers cannot send the X-Requested-With header, so this route is CSRF-exempt; the guard then ignores
   * any session cookie, so the token alone decides (and "someone else is signed in" cannot apply here).
   */
  @Post('one-click')
  @HttpCode(200)
  @CsrfExempt()
  oneClick(@Query() query: UnsubscribeDto) {
    return this.unsubscribe.confirm(query.token, null);
  }
}
