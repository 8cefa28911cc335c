import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/identity';
import { AssessmentResponseService, InstrumentService, SchoolResultsService } from '@app/program';
import {
  CreateInstrumentDto,
  DistributionQueryDto,
  InstrumentListQueryDto,
  SaveVersionDto,
  SubmitResponseDto,
  UpdateInstrumentDto,
} from '../../../dto/program-assessments.dto';
import { CurrentActor } from '../../../http/current-auth.decorator';
import { SignedIn } from '../../../http/route-access.decorator';
import { UuidPipe } from '../../../http/validation';
import { VersionNumberPipe } from './version-number.pipe';

@ApiTags('program: assessments')
@Controller('program/instruments')
@SignedIn()
export class InstrumentController {
  constructor(
    private readonly instruments: InstrumentService,
    private readonly responses: AssessmentResponseService,
    private readonly results: SchoolResultsService,
  ) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: InstrumentListQueryDto) {
    return this.instruments.list(actor, query);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateInstrumentDto) {
    return this.instruments.create(actor, body);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.instruments.get(actor, id);
  }

  @Patch(':id')
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: UpdateInstrumentDto) {
    return this.instruments.update(actor, id, body);
  }

  @Post(':id/versions')
  newVersion(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.instruments.newVersion(actor, id);
  }

  @Put(':id/versions/:version')
  saveDraft(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Param('version', VersionNumberPipe) version: number,
    @Body() body: SaveVersionDto,
  ) {
    return this.instruments.saveDraft(actor, id, version, body.sections);
  }

  @Post(':id/versions/:version/publish')
  @HttpCode(200)
  publish(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('version', VersionNumberPipe) version: number) {
    return this.instruments.publish(actor, id, version);
  }

  @Post(':id/versions/:version/retire')
  @HttpCode(200)
  retire(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('version', VersionNumberPipe) version: number) {
    return this.instruments.retire(actor, id, version);
  }

  @Post(':id/responses')
  respond(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: SubmitResponseDto) {
    return this.responses.submit(actor, id, body);
  }

  @Get(':id/distribution')
  distribution(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() query: DistributionQueryDto) {
    return this.results.distribution(actor, id, query);
  }
}
