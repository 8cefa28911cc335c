import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@app/core';
import { AuthService, BulkInvitationService, InvitationService, MeService, OnboardingService, type Actor } from '@app/identity';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AcceptInvitationDto, BulkInvitationDto, CreateInvitationDto, ListInvitationsQuery } from '../dto/invitation.dto';
import { CurrentActor } from '../http/current-auth.decorator';
import { Public, SignedIn } from '../http/route-access.decorator';
import { setSessionCookie } from '../http/session-cookie';
import { UuidPipe } from '../http/validation';

@ApiTags('invitations')
@Controller('invitations')
export class InvitationController {
  constructor(
    private readonly invitations: InvitationService,
    private readonly bulk: BulkInvitationService,
    private readonly onboarding: OnboardingService,
    private readonly auth: AuthService,
    private readonly me: MeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @SignedIn()
  list(@CurrentActor() actor: Actor, @Query() query: ListInvitationsQuery) {
    return this.invitations.list(actor, query);
  }

  @Post()
  @SignedIn()
  create(@CurrentActor() actor: Actor, @Body() body: CreateInvitationDto) {
    return this.invitations.create(actor, body);
  }

  @Post('bulk')
  @SignedIn()
  @HttpCode(200)
  bulkInvite(@CurrentActor() actor: Actor, @Body() body: BulkInvitationDto) {
    return this.bulk.invite(actor, body.institutionId, body.csv);
  }

  @Delete(':id')
  @SignedIn()
  @HttpCode(204)
  async revoke(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<void> {
    await this.invitations.revoke(actor, id);
  }

  @Get(':token')
  @Public()
  preview(@Param('token') token: string) {
    return this.invitations.preview(token);
  }

  @Post(':token/accept')
  @Public()
  async accept(
    @Param('token') token: string,
    @Body() body: AcceptInvitationDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { sessionToken } = await this.onboarding.accept(token, body, {
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
    });
    setSessionCookie(reply, sessionToken, this.auth.sessionTtlSeconds, this.config.cookieSecure);
    const signedIn = await this.auth.fromSessionToken(sessionToken);
    return this.me.me(signedIn!.actor);
  }
}
