import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/identity';
import { PhaseService } from '@app/program';
import { UpdatePhaseDto } from '../../../dto/program-path.dto';
import { CurrentActor } from '../../../http/current-auth.decorator';
import { SignedIn } from '../../../http/route-access.decorator';
import { PhaseNumberPipe } from './phase-number.pipe';

@ApiTags('program')
@Controller('program/phases')
@SignedIn()
export class PathPhaseController {
  constructor(private readonly phases: PhaseService) {}

  @Get()
  list(@CurrentActor() actor: Actor) {
    return this.phases.list(actor);
  }

  @Patch(':number')
  update(@CurrentActor() actor: Actor, @Param('number', PhaseNumberPipe) number: number, @Body() body: UpdatePhaseDto) {
    return this.phases.update(actor, number, body);
  }
}
