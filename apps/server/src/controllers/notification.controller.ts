import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/identity';
import { NotificationPreferenceService, NotificationService } from '@app/notifications';
import { NotificationListQueryDto, UpdatePreferencesDto } from '../dto/notification.dto';
import { CurrentActor } from '../http/current-auth.decorator';
import { SignedIn } from '../http/route-access.decorator';
import { UuidPipe } from '../http/validation';

@ApiTags('notifications')
@Controller('notifications')
@SignedIn()
export class NotificationController {
  constructor(
    private readonly notifications: NotificationService,
    private readonly preferences: NotificationPreferenceService,
  ) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: NotificationListQueryDto) {
    return this.notifications.list(actor, query);
  }

  @Get('unread-count')
  async unreadCount(@CurrentActor() actor: Actor) {
    return { unreadCount: await this.notifications.unreadCount(actor) };
  }

  @Post('read-all')
  async readAll(@CurrentActor() actor: Actor) {
    return { marked: await this.notifications.markAllRead(actor) };
  }

  @Post(':id/read')
  @HttpCode(204)
  async read(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<void> {
    await this.notifications.markRead(actor, id);
  }

  @Get('preferences')
  getPreferences(@CurrentActor() actor: Actor) {
    return this.preferences.get(actor);
  }

  @Put('preferences')
  updatePreferences(@CurrentActor() actor: Actor, @Body() body: UpdatePreferencesDto) {
    return this.preferences.update(actor, body);
  }
}
