import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PostService, PreviewService, TopicService } from '@app/forum';
import type { Actor } from '@app/identity';
import {
  CreatePostDto,
  MarkReadDto,
  ModerateTopicDto,
  PostPageQueryDto,
  PreviewDto,
  TopicListQueryDto,
  TopicStateDto,
} from '../dto/forum.dto';
import { CurrentActor } from '../http/current-auth.decorator';
import { SignedIn } from '../http/route-access.decorator';
import { UuidPipe } from '../http/validation';

@ApiTags('forum')
@Controller('topics')
@SignedIn()
export class TopicController {
  constructor(
    private readonly topics: TopicService,
    private readonly posts: PostService,
    private readonly previews: PreviewService,
  ) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: TopicListQueryDto) {
    return this.topics.list(actor, query);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.topics.get(actor, id);
  }

  @Patch(':id')
  moderate(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: ModerateTopicDto) {
    return this.topics.moderate(actor, id, body);
  }

  @Get(':id/posts')
  listPosts(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() query: PostPageQueryDto) {
    return this.posts.page(actor, id, query.after, query.limit);
  }

  @Post(':id/posts')
  reply(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: CreatePostDto) {
    return this.posts.reply(actor, id, body);
  }

  /** Renders a reply's Markdown as it would be posted in this topic; nothing is written. */
  @Post(':id/preview')
  @HttpCode(200)
  preview(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: PreviewDto) {
    return this.previews.forTopic(actor, id, body.body);
  }

  @Post(':id/state')
  @HttpCode(200)
  setState(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: TopicStateDto) {
    return this.topics.setState(actor, id, body);
  }

  @Put(':id/read')
  @HttpCode(204)
  async markRead(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: MarkReadDto): Promise<void> {
    await this.topics.markRead(actor, id, body.postNumber);
  }
}
