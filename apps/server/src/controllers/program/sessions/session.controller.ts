import { Body, Controller, Delete, Get, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '@app/identity';
import { CalendarService, SessionService } from '@app/program';
import { CreateSessionDto, UpdateSessionDto } from '../../../dto/program-sessions.dto';
import { CurrentActor } from '../../../http/current-auth.decorator';
import { SignedIn } from '../../../http/route-access.decorator';
import { UuidPipe } from '../../../http/validation';

@ApiTags('program')
@Controller('program/sessions')
@SignedIn()
export class ProgramSessionController {
  constructor(
    private readonly sessions: SessionService,
    private readonly calendar: CalendarService,
  ) {}

  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateSessionDto) {
    return this.sessions.create(actor, body);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.sessions.get(actor, id);
  }

  @Patch(':id')
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: UpdateSessionDto) {
    return this.sessions.update(actor, id, body);
  }

  /** Cancels the session: it stays, shown as cancelled. */
  @Delete(':id')
  cancel(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.sessions.cancel(actor, id);
  }

  @Get(':id/ics')
  async ics(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const { fileName, body } = await this.calendar.sessionCalendar(actor, id);
    reply.header('content-type', 'text/calendar; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="${fileName}"`);
    return body;
  }
}
