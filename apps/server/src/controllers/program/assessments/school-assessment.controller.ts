import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '@app/identity';
import { LandscapeService, SchoolResultsService } from '@app/program';
import {
  CreateLandscapeEffortDto,
  LandscapeListQueryDto,
  SchoolResultsQueryDto,
  UpdateLandscapeEffortDto,
} from '../../../dto/program-assessments.dto';
import { CurrentActor } from '../../../http/current-auth.decorator';
import { SignedIn } from '../../../http/route-access.decorator';
import { UuidPipe } from '../../../http/validation';

/** A school's readiness results, their CSV export, and its landscape inventory. */
@ApiTags('program: assessments')
@Controller('program/schools/:id')
@SignedIn()
export class SchoolAssessmentController {
  constructor(
    private readonly results: SchoolResultsService,
    private readonly landscape: LandscapeService,
  ) {}

  @Get('assessment-results')
  schoolResults(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() query: SchoolResultsQueryDto) {
    return this.results.results(actor, id, query);
  }

  @Get('assessment-results.csv')
  async schoolResultsCsv(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Query() query: SchoolResultsQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { filename, body } = await this.results.csv(actor, id, query);
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="${filename}"`);
    return body;
  }

  @Get('landscape')
  listEfforts(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() query: LandscapeListQueryDto) {
    return this.landscape.list(actor, id, query);
  }

  @Post('landscape')
  createEffort(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: CreateLandscapeEffortDto) {
    return this.landscape.create(actor, id, body);
  }

  @Patch('landscape/:effortId')
  updateEffort(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Param('effortId', UuidPipe) effortId: string,
    @Body() body: UpdateLandscapeEffortDto,
  ) {
    return this.landscape.update(actor, id, effortId, body);
  }

  @Delete('landscape/:effortId')
  @HttpCode(204)
  removeEffort(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('effortId', UuidPipe) effortId: string) {
    return this.landscape.remove(actor, id, effortId);
  }
}
