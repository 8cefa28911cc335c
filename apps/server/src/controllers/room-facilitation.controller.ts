import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { BreakoutService, ChatFlagService, RoomInvitationService, SessionReportService } from '@app/chat';
import type { Actor } from '@app/identity';
import type { FastifyReply } from 'fastify';
import { BreakoutsDto, ChatFlagDto, ResolveChatFlagDto, RoomInvitationDto, TranscriptQueryDto } from '../dto/chat.dto';
import { CurrentActor } from '../http/current-auth.decorator';
import { SignedIn } from '../http/route-access.decorator';
import { UuidPipe } from '../http/validation';

/** What facilitators use to run a session: invitations, breakouts, participation balance, transcripts, flags. */
@ApiTags('chat')
@Controller()
@SignedIn()
export class RoomFacilitationController {
  constructor(
    private readonly breakouts: BreakoutService,
    private readonly reports: SessionReportService,
    private readonly flags: ChatFlagService,
    private readonly invitations: RoomInvitationService,
  ) {}

  /** Accepted: the invitations are sent by a job. */
  @Post('rooms/:id/invitations')
  @HttpCode(202)
  invite(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: RoomInvitationDto) {
    return this.invitations.invite(actor, id, body.userIds);
  }

  @Get('rooms/:id/breakouts')
  listBreakouts(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.breakouts.list(actor, id);
  }

  @Post('rooms/:id/breakouts')
  createBreakouts(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: BreakoutsDto) {
    return this.breakouts.create(actor, id, body);
  }

  @Get('rooms/:id/participation')
  participation(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.reports.participation(actor, id);
  }

  @Get('rooms/:id/sessions/:sessionId/transcript')
  async transcript(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Param('sessionId', UuidPipe) sessionId: string,
    @Query() query: TranscriptQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (query.format !== 'markdown') return this.reports.transcript(actor, id, sessionId);
    const text = await this.reports.transcriptMarkdown(actor, id, sessionId);
    reply.header('content-type', 'text/markdown; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="transcript-${sessionId}.md"`);
    return text;
  }

  @Post('chat-messages/:id/flags')
  flag(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: ChatFlagDto) {
    return this.flags.flag(actor, id, body);
  }

  @Get('rooms/:id/flags')
  roomFlags(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.flags.list(actor, id);
  }

  @Post('rooms/:id/flags/:flagId/resolve')
  @HttpCode(200)
  resolveFlag(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Param('flagId', UuidPipe) flagId: string,
    @Body() body: ResolveChatFlagDto,
  ) {
    return this.flags.resolve(actor, id, flagId, body);
  }

  @Get('me/chat-flags')
  myFlags(@CurrentActor() actor: Actor) {
    return this.flags.mine(actor);
  }
}
