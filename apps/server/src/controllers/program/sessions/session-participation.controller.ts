import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/identity';
import { SessionNotesService, SessionRsvpService } from '@app/program';
import { AttendanceDto, RsvpDto, SessionNotesDto } from '../../../dto/program-sessions.dto';
import { CurrentActor } from '../../../http/current-auth.decorator';
import { SignedIn } from '../../../http/route-access.decorator';
import { UuidPipe } from '../../../http/validation';

/** Taking part in a session: answering, and (facilitators) attendance and notes. */
@ApiTags('program')
@Controller('program/sessions/:id')
@SignedIn()
export class ProgramSessionParticipationController {
  constructor(
    private readonly rsvps: SessionRsvpService,
    private readonly notes: SessionNotesService,
  ) {}

  @Put('rsvp')
  rsvp(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: RsvpDto) {
    return this.rsvps.answer(actor, id, body.answer);
  }

  @Get('attendance')
  attendance(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.rsvps.attendance(actor, id);
  }

  @Put('attendance')
  recordAttendance(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: AttendanceDto) {
    return this.rsvps.recordAttendance(actor, id, body.entries);
  }

  @Put('notes')
  saveNotes(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: SessionNotesDto) {
    return this.notes.save(actor, id, body.notes);
  }

  @Post('notes/capture')
  @HttpCode(201)
  capture(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.notes.capture(actor, id);
  }
}
