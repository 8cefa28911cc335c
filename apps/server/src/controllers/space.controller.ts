import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { MentionSuggestions, PreviewService, SpaceService, TopicService } from '@app/forum';
import type { Actor } from '@app/identity';
import {
  AcceptAgreementDto,
  CreateSpaceDto,
  CreateTopicDto,
  MentionQueryDto,
  PreviewDto,
  PublishAgreementDto,
  SetFacilitatorsDto,
  UpdateSpaceDto,
} from '../dto/forum.dto';
import { CurrentActor } from '../http/current-auth.decorator';
import { SignedIn } from '../http/route-access.decorator';
import { UuidPipe } from '../http/validation';

@ApiTags('forum')
@Controller('spaces')
@SignedIn()
export class SpaceController {
  constructor(
    private readonly spaces: SpaceService,
    private readonly topics: TopicService,
    private readonly mentions: MentionSuggestions,
    private readonly previews: PreviewService,
  ) {}

  @Get()
  list(@CurrentActor() actor: Actor) {
    return this.spaces.list(actor);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateSpaceDto) {
    return this.spaces.create(actor, body);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.spaces.get(actor, id);
  }

  @Patch(':id')
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: UpdateSpaceDto) {
    return this.spaces.update(actor, id, body);
  }

  @Put(':id/facilitators')
  setFacilitators(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: SetFacilitatorsDto) {
    return this.spaces.setFacilitators(actor, id, body.userIds);
  }

  /** Renders a new topic's Markdown as it would be posted here; nothing is written. */
  @Post(':id/preview')
  @HttpCode(200)
  preview(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: PreviewDto) {
    return this.previews.forSpace(actor, id, body.body);
  }

  @Get(':id/agreement')
  agreement(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.spaces.agreement(actor, id);
  }

  @Post(':id/agreement')
  publishAgreement(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: PublishAgreementDto) {
    return this.spaces.publishAgreement(actor, id, body.body);
  }

  @Post(':id/agreement/accept')
  accept(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: AcceptAgreementDto) {
    return this.spaces.accept(actor, id, body.version);
  }

  @Get(':id/mentionable')
  mentionable(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() query: MentionQueryDto) {
    return this.mentions.suggest(actor, id, query.q);
  }

  @Post(':id/topics')
  createTopic(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: CreateTopicDto) {
    return this.topics.create(actor, id, body);
  }
}
