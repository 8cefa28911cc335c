import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/identity';
import { ArticleCycleService } from '@app/knowledge';
import { ReviewCommentDto, ReviewDecisionDto, ReviewersDto } from '../dto/knowledge.dto';
import { CurrentActor } from '../http/current-auth.decorator';
import { SignedIn } from '../http/route-access.decorator';
import { UuidPipe } from '../http/validation';

/** The knowledge-management cycle of one article: review, publish, verify, archive. */
@ApiTags('knowledge')
@Controller('knowledge/articles/:id')
@SignedIn()
export class ArticleCycleController {
  constructor(private readonly cycle: ArticleCycleService) {}

  @Post('submit')
  @HttpCode(200)
  submit(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: ReviewersDto) {
    return this.cycle.submit(actor, id, body.reviewerIds);
  }

  @Post('withdraw')
  @HttpCode(200)
  withdraw(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.cycle.withdraw(actor, id);
  }

  @Get('reviews')
  reviews(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.cycle.reviewsOf(actor, id);
  }

  @Put('reviewers')
  assign(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: ReviewersDto) {
    return this.cycle.assignReviewers(actor, id, body.reviewerIds);
  }

  @Delete('reviewers/:userId')
  unassign(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('userId', UuidPipe) userId: string) {
    return this.cycle.unassignReviewer(actor, id, userId);
  }

  @Post('decision')
  @HttpCode(200)
  decide(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: ReviewDecisionDto) {
    return this.cycle.decide(actor, id, body.decision, body.comment);
  }

  @Post('review-comments')
  comment(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: ReviewCommentDto) {
    return this.cycle.comment(actor, id, body.body);
  }

  @Post('publish')
  @HttpCode(200)
  publish(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.cycle.publish(actor, id);
  }

  @Post('verify')
  @HttpCode(200)
  verify(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.cycle.verify(actor, id);
  }

  @Post('archive')
  @HttpCode(200)
  archive(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.cycle.archive(actor, id);
  }

  @Post('unarchive')
  @HttpCode(200)
  unarchive(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.cycle.unarchive(actor, id);
  }
}
