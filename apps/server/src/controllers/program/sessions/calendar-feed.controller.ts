import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { notFound } from '@app/core';
import { CalendarService } from '@app/program';
import { Public } from '../../../http/route-access.decorator';

/**
 * The secret per-person iCalendar feed that calendar apps poll: no sign-in (they cannot), the token in the URL is
 * the whole proof. Read-only, so a cookie that comes along changes nothing.
 */
@ApiTags('program')
@Controller('calendar')
@Public()
export class CalendarFeedController {
  constructor(private readonly calendar: CalendarService) {}

  @Get(':file')
  async feed(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply) {
    if (!file.endsWith('.ics')) throw notFound();
    const body = await this.calendar.feedCalendar(file.slice(0, -'.ics'.length));
    reply.header('content-type', 'text/calendar; charset=utf-8');
    // Personal: no shared cache may keep it; calendar apps poll again anyway.
    reply.header('cache-control', 'private, no-store');
    return body;
  }
}
