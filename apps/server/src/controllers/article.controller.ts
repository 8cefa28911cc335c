import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/identity';
import { ArticleService, CaptureService } from '@app/knowledge';
import { ArticleListQueryDto, CaptureChatSessionDto, CaptureTopicDto, CreateArticleDto, RestoreRevisionDto, UpdateArticleDto } from '../dto/knowledge.dto';
import { PreviewDto } from '../dto/forum.dto';
import { CurrentActor } from '../http/current-auth.decorator';
import { SignedIn } from '../http/route-access.decorator';
import { UuidPipe } from '../http/validation';

@ApiTags('knowledge')
@Controller('knowledge/articles')
@SignedIn()
export class ArticleController {
  constructor(
    private readonly articles: ArticleService,
    private readonly capture: CaptureService,
  ) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ArticleListQueryDto) {
    return this.articles.list(actor, query);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateArticleDto) {
    return this.articles.create(actor, body);
  }

  /** Renders Markdown as an article would show it; nothing is written. */
  @Post('preview')
  @HttpCode(200)
  preview(@CurrentActor() actor: Actor, @Body() body: PreviewDto) {
    return this.articles.preview(actor, body.body);
  }

  /** A draft quoting chosen posts of a forum topic, in the topic's scope. */
  @Post('capture/topic')
  captureTopic(@CurrentActor() actor: Actor, @Body() body: CaptureTopicDto) {
    return this.capture.fromTopic(actor, body);
  }

  /** A draft from a dialogue session's transcript (facilitators), in the room's scope. */
  @Post('capture/chat-session')
  captureChatSession(@CurrentActor() actor: Actor, @Body() body: CaptureChatSessionDto) {
    return this.capture.fromChatSession(actor, body);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.articles.get(actor, id);
  }

  @Patch(':id')
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: UpdateArticleDto) {
    return this.articles.update(actor, id, body);
  }

  @Get(':id/revisions')
  revisions(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.articles.revisions(actor, id);
  }

  @Post(':id/restore')
  restore(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: RestoreRevisionDto) {
    return this.articles.restore(actor, id, body.revision);
  }
}
