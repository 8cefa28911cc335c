import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PersonalService, PreferenceService } from '@app/forum';
import type { Actor } from '@app/identity';
import {
  AnswerDto,
  BookmarkDto,
  ContentNotePreferenceDto,
  PersonalListQueryDto,
  SpaceDraftDto,
  SubscriptionDto,
  TopicDraftDto,
} from '../dto/forum-personal.dto';
import { CurrentActor } from '../http/current-auth.decorator';
import { SignedIn } from '../http/route-access.decorator';
import { UuidPipe } from '../http/validation';

/** A person's own forum state: bookmarks, subscriptions, drafts, "my posts", preferences, and question answers. */
@ApiTags('forum')
@Controller()
@SignedIn()
export class ForumPersonalController {
  constructor(
    private readonly personal: PersonalService,
    private readonly preferences: PreferenceService,
  ) {}

  @Get('me/forum-preferences')
  forumPreferences(@CurrentActor() actor: Actor) {
    return this.preferences.get(actor);
  }

  @Put('me/forum-preferences/content-notes')
  setContentNotes(@CurrentActor() actor: Actor, @Body() body: ContentNotePreferenceDto) {
    return this.preferences.setContentNotes(actor, body);
  }

  @Put('posts/:id/bookmark')
  bookmark(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: BookmarkDto) {
    return this.personal.bookmark(actor, id, body.reminderAt);
  }

  @Delete('posts/:id/bookmark')
  @HttpCode(204)
  async unbookmark(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<void> {
    await this.personal.unbookmark(actor, id);
  }

  @Get('me/bookmarks')
  bookmarks(@CurrentActor() actor: Actor, @Query() query: PersonalListQueryDto) {
    return this.personal.bookmarks(actor, query.cursor, query.limit);
  }

  @Get('me/posts')
  myPosts(@CurrentActor() actor: Actor, @Query() query: PersonalListQueryDto) {
    return this.personal.myPosts(actor, query.cursor, query.limit);
  }

  @Get('topics/:id/subscription')
  topicSubscription(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.personal.subscription(actor, 'topic', id);
  }

  @Put('topics/:id/subscription')
  subscribeTopic(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: SubscriptionDto) {
    return this.personal.subscribe(actor, 'topic', id, body.level);
  }

  @Get('spaces/:id/subscription')
  spaceSubscription(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.personal.subscription(actor, 'space', id);
  }

  @Put('spaces/:id/subscription')
  subscribeSpace(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: SubscriptionDto) {
    return this.personal.subscribe(actor, 'space', id, body.level);
  }

  @Get('topics/:id/draft')
  topicDraft(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.personal.draft(actor, 'topic', id);
  }

  @Put('topics/:id/draft')
  saveTopicDraft(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: TopicDraftDto) {
    return this.personal.saveDraft(actor, 'topic', id, body);
  }

  @Delete('topics/:id/draft')
  @HttpCode(204)
  async deleteTopicDraft(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<void> {
    await this.personal.deleteDraft(actor, 'topic', id);
  }

  @Get('spaces/:id/draft')
  spaceDraft(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.personal.draft(actor, 'space', id);
  }

  @Put('spaces/:id/draft')
  saveSpaceDraft(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: SpaceDraftDto) {
    return this.personal.saveDraft(actor, 'space', id, body);
  }

  @Delete('spaces/:id/draft')
  @HttpCode(204)
  async deleteSpaceDraft(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<void> {
    await this.personal.deleteDraft(actor, 'space', id);
  }

  @Post('topics/:id/answer')
  @HttpCode(200)
  setAnswer(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: AnswerDto) {
    return this.personal.setAnswer(actor, id, body.postNumber);
  }

  @Delete('topics/:id/answer')
  @HttpCode(204)
  async clearAnswer(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<void> {
    await this.personal.setAnswer(actor, id, null);
  }
}
