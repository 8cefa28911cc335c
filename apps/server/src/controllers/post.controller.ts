import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PostService, REACTIONS, type ReactionKind } from '@app/forum';
import { badRequest, ErrorCode } from '@app/core';
import type { Actor } from '@app/identity';
import { EditPostDto, ReactionDto, ReasonDto } from '../dto/forum.dto';
import { CurrentActor } from '../http/current-auth.decorator';
import { SignedIn } from '../http/route-access.decorator';
import { UuidPipe } from '../http/validation';

const reactionKind = (kind: string): ReactionKind => {
  if (!(REACTIONS as readonly string[]).includes(kind))
    throw badRequest(ErrorCode.ValidationFailed, `kind must be one of ${REACTIONS.join(', ')}`);
  return kind as ReactionKind;
};

@ApiTags('forum')
@Controller('posts')
@SignedIn()
export class PostController {
  constructor(private readonly posts: PostService) {}

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.posts.get(actor, id);
  }

  @Patch(':id')
  edit(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: EditPostDto) {
    return this.posts.edit(actor, id, body.body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<void> {
    await this.posts.remove(actor, id);
  }

  @Get(':id/revisions')
  revisions(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.posts.revisions(actor, id);
  }

  @Post(':id/hide')
  @HttpCode(200)
  hide(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: ReasonDto) {
    return this.posts.hide(actor, id, body.reason);
  }

  @Post(':id/restore')
  @HttpCode(200)
  restore(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.posts.restore(actor, id);
  }

  @Get(':id/reactions')
  reactions(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.posts.reactions(actor, id);
  }

  @Post(':id/reactions')
  react(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: ReactionDto) {
    return this.posts.react(actor, id, body.kind);
  }

  @Delete(':id/reactions/:kind')
  @HttpCode(204)
  async unreact(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('kind') kind: string): Promise<void> {
    await this.posts.unreact(actor, id, reactionKind(kind));
  }

  @Post(':id/reveal')
  @HttpCode(200)
  reveal(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: ReasonDto) {
    return this.posts.reveal(actor, id, body.reason);
  }
}
