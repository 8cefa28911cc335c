import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/identity';
import { CohortProgramService } from '@app/program';
import { CohortPhaseDatesDto, CohortPhaseDto, CohortResponsesQueryDto } from '../../../dto/program-path.dto';
import { CurrentActor } from '../../../http/current-auth.decorator';
import { SignedIn } from '../../../http/route-access.decorator';
import { UuidPipe } from '../../../http/validation';

/** A cohort's run through the program, for its facilitators (the service checks 'program.facilitate'). */
@ApiTags('program')
@Controller('program/cohorts')
@SignedIn()
export class PathCohortController {
  constructor(private readonly cohorts: CohortProgramService) {}

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.cohorts.get(actor, id);
  }

  @Put(':id/phase')
  setPhase(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: CohortPhaseDto) {
    return this.cohorts.setPhase(actor, id, body.currentPhase);
  }

  @Put(':id/phase-dates')
  setDates(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: CohortPhaseDatesDto) {
    return this.cohorts.setDates(actor, id, body.dates);
  }

  @Get(':id/progress')
  progress(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.cohorts.progressMatrix(actor, id);
  }

  @Get(':id/responses')
  responses(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() query: CohortResponsesQueryDto) {
    return this.cohorts.responses(actor, id, query.itemId);
  }
}
