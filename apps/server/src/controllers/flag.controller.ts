import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FlagService } from '@app/forum';
import type { Actor } from '@app/identity';
import { CreateFlagDto, ResolveFlagDto, ReviewQueueQueryDto } from '../dto/flag.dto';
import { CurrentActor } from '../http/current-auth.decorator';
import { SignedIn } from '../http/route-access.decorator';
import { UuidPipe } from '../http/validation';

@ApiTags('forum')
@Controller()
@SignedIn()
export class FlagController {
  constructor(private readonly flags: FlagService) {}

  @Post('posts/:id/flags')
  flag(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: CreateFlagDto) {
    return this.flags.flag(actor, id, body);
  }

  @Get('me/flags')
  mine(@CurrentActor() actor: Actor) {
    return this.flags.mine(actor);
  }

  @Get('review-queue')
  queue(@CurrentActor() actor: Actor, @Query() query: ReviewQueueQueryDto) {
    return this.flags.queue(actor, query.spaceId);
  }

  @Post('review-queue/flags/:flagId/resolve')
  @HttpCode(200)
  resolve(@CurrentActor() actor: Actor, @Param('flagId', UuidPipe) flagId: string, @Body() body: ResolveFlagDto) {
    return this.flags.resolve(actor, flagId, body);
  }
}
