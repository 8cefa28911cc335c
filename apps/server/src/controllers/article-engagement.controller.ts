import { Body, Controller, Delete, Get, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/identity';
import { EngagementService } from '@app/knowledge';
import { ApplyDto, HelpfulDto } from '../dto/knowledge.dto';
import { CurrentActor } from '../http/current-auth.decorator';
import { SignedIn } from '../http/route-access.decorator';
import { UuidPipe } from '../http/validation';

/** What readers do with a published article: applied it (with a story), found it helpful or not. */
@ApiTags('knowledge')
@Controller('knowledge/articles/:id')
@SignedIn()
export class ArticleEngagementController {
  constructor(private readonly engagement: EngagementService) {}

  @Get('applications')
  applications(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.engagement.applications(actor, id);
  }

  @Put('applications/me')
  apply(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: ApplyDto) {
    return this.engagement.apply(actor, id, body.story ?? null);
  }

  @Delete('applications/me')
  withdraw(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.engagement.withdraw(actor, id);
  }

  /** The teller's story as a value-creation story draft. */
  @Post('applications/:userId/story-article')
  storyArticle(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('userId', UuidPipe) userId: string) {
    return this.engagement.storyToArticle(actor, id, userId);
  }

  @Put('helpful')
  vote(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: HelpfulDto) {
    return this.engagement.vote(actor, id, body.helpful);
  }

  @Delete('helpful')
  unvote(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.engagement.vote(actor, id, null);
  }
}
