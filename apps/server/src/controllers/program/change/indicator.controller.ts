import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/identity';
import { IndicatorService } from '@app/program';
import { CreateChangeIndicatorDto, CreateChangeMeasurementDto, ChangeMeasurementListQueryDto, UpdateChangeIndicatorDto } from '../../../dto/program-change.dto';
import { CurrentActor } from '../../../http/current-auth.decorator';
import { SignedIn } from '../../../http/route-access.decorator';
import { UuidPipe } from '../../../http/validation';

@ApiTags('program: change')
@Controller('program')
@SignedIn()
export class IndicatorController {
  constructor(private readonly indicators: IndicatorService) {}

  @Post('targets/:id/indicators')
  add(@CurrentActor() actor: Actor, @Param('id', UuidPipe) targetId: string, @Body() body: CreateChangeIndicatorDto) {
    return this.indicators.add(actor, targetId, body);
  }

  @Patch('indicators/:id')
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: UpdateChangeIndicatorDto) {
    return this.indicators.update(actor, id, body);
  }

  @Delete('indicators/:id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<void> {
    await this.indicators.remove(actor, id);
  }

  @Get('indicators/:id/measurements')
  measurements(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() query: ChangeMeasurementListQueryDto) {
    return this.indicators.measurements(actor, id, query);
  }

  @Post('indicators/:id/measurements')
  record(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: CreateChangeMeasurementDto) {
    return this.indicators.record(actor, id, body);
  }

  @Delete('measurements/:id')
  @HttpCode(204)
  async removeMeasurement(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<void> {
    await this.indicators.removeMeasurement(actor, id);
  }
}
