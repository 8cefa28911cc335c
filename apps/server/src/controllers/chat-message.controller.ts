import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { MessageService, type ChatReaction } from '@app/chat';
import type { Actor } from '@app/identity';
import { ChatReactionDto, ChatReasonDto, EditMessageDto, PinDto } from '../dto/chat.dto';
import { CurrentActor } from '../http/current-auth.decorator';
import { SignedIn } from '../http/route-access.decorator';
import { UuidPipe } from '../http/validation';

/** One message of a room, after it was sent. */
@ApiTags('chat')
@Controller('chat-messages')
@SignedIn()
export class ChatMessageController {
  constructor(private readonly messages: MessageService) {}

  @Patch(':id')
  edit(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: EditMessageDto) {
    return this.messages.edit(actor, id, body.body);
  }

  @Delete(':id')
  @HttpCode(204)
  async delete(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<void> {
    await this.messages.delete(actor, id);
  }

  @Get(':id/revisions')
  revisions(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.messages.revisions(actor, id);
  }

  @Post(':id/remove')
  @HttpCode(200)
  remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: ChatReasonDto) {
    return this.messages.remove(actor, id, body.reason);
  }

  @Put(':id/pin')
  pin(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: PinDto) {
    return this.messages.pin(actor, id, body.pinned);
  }

  @Get(':id/reactions')
  reactions(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.messages.reactions(actor, id);
  }

  @Post(':id/reactions')
  @HttpCode(200)
  react(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: ChatReactionDto) {
    return this.messages.react(actor, id, body.kind);
  }

  @Delete(':id/reactions/:kind')
  unreact(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('kind') kind: string) {
    return this.messages.unreact(actor, id, kind as ChatReaction);
  }

  @Post(':id/reveal')
  @HttpCode(200)
  reveal(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: ChatReasonDto) {
    return this.messages.reveal(actor, id, body.reason);
  }
}
