import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { MessageSender, MessageService, ModerationService, RoomService, SessionService } from '@app/chat';
import type { Actor } from '@app/identity';
import {
  AcceptChatAgreementDto,
  ChatAgreementDto,
  ChatReasonDto,
  CreateRoomDto,
  HistoryQueryDto,
  MuteDto,
  RoomFacilitatorsDto,
  RoomStateDto,
  SendMessageDto,
  StageDto,
  StartSessionDto,
} from '../dto/chat.dto';
import { CurrentActor } from '../http/current-auth.decorator';
import { SignedIn } from '../http/route-access.decorator';
import { UuidPipe } from '../http/validation';

/** Chats for Change rooms over HTTP: setup, facilitation and history. Live traffic goes over the socket. */
@ApiTags('chat')
@Controller('rooms')
@SignedIn()
export class RoomController {
  constructor(
    private readonly rooms: RoomService,
    private readonly sessions: SessionService,
    private readonly sender: MessageSender,
    private readonly messages: MessageService,
    private readonly moderation: ModerationService,
  ) {}

  @Get()
  list(@CurrentActor() actor: Actor) {
    return this.rooms.list(actor);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateRoomDto) {
    return this.rooms.create(actor, body);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.rooms.get(actor, id);
  }

  @Put(':id/facilitators')
  setFacilitators(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: RoomFacilitatorsDto) {
    return this.rooms.setFacilitators(actor, id, body.userIds);
  }

  @Post(':id/state')
  @HttpCode(200)
  setState(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: RoomStateDto) {
    return this.rooms.setState(actor, id, body);
  }

  @Get(':id/agreement')
  agreement(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.rooms.agreement(actor, id);
  }

  @Post(':id/agreement')
  publishAgreement(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: ChatAgreementDto) {
    return this.rooms.publishAgreement(actor, id, body.body);
  }

  @Post(':id/agreement/accept')
  @HttpCode(200)
  acceptAgreement(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: AcceptChatAgreementDto) {
    return this.rooms.acceptAgreement(actor, id, body.version);
  }

  @Get(':id/sessions')
  sessionList(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.sessions.list(actor, id);
  }

  @Post(':id/sessions')
  startSession(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: StartSessionDto) {
    return this.sessions.start(actor, id, body);
  }

  @Put(':id/stage')
  setStage(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: StageDto) {
    return this.sessions.setStage(actor, id, body);
  }

  @Get(':id/messages')
  history(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() query: HistoryQueryDto) {
    return this.messages.history(actor, id, query.after, query.limit);
  }

  /** The same path as the socket's `chat:send`, for clients without a socket. */
  @Post(':id/messages')
  send(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: SendMessageDto) {
    return this.sender.send(actor, id, body);
  }

  @Get(':id/pinned')
  pinned(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.messages.pinned(actor, id);
  }

  @Get(':id/participants')
  roster(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.moderation.roster(actor, id);
  }

  @Post(':id/participants/:userId/mute')
  @HttpCode(200)
  mute(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('userId', UuidPipe) userId: string, @Body() body: MuteDto) {
    return this.moderation.mute(actor, id, userId, body);
  }

  @Post(':id/participants/:userId/unmute')
  @HttpCode(200)
  unmute(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('userId', UuidPipe) userId: string) {
    return this.moderation.unmute(actor, id, userId);
  }

  @Post(':id/participants/:userId/remove')
  @HttpCode(200)
  remove(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Param('userId', UuidPipe) userId: string,
    @Body() body: ChatReasonDto,
  ) {
    return this.moderation.remove(actor, id, userId, body.reason);
  }
}
