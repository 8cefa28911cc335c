import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/identity';
import { CalendarService } from '@app/program';
import { CalendarQueryDto } from '../../../dto/program-sessions.dto';
import { CurrentActor } from '../../../http/current-auth.decorator';
import { SignedIn } from '../../../http/route-access.decorator';

@ApiTags('program')
@Controller('program/calendar')
@SignedIn()
export class ProgramCalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: CalendarQueryDto) {
    return this.calendar.list(actor, query);
  }

  /** The person's secret feed URL for calendar apps (made on first request). */
  @Get('feed')
  feed(@CurrentActor() actor: Actor) {
    return this.calendar.feed(actor);
  }

  @Post('feed/rotate')
  @HttpCode(200)
  rotate(@CurrentActor() actor: Actor) {
    return this.calendar.rotate(actor);
  }
}
