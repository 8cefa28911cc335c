import { Body, Controller, Delete, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/identity';
import { PlanStepService } from '@app/program';
import { CreateChangeStepDto, UpdateChangeStepDto } from '../../../dto/program-change.dto';
import { CurrentActor } from '../../../http/current-auth.decorator';
import { SignedIn } from '../../../http/route-access.decorator';
import { UuidPipe } from '../../../http/validation';

@ApiTags('program: change')
@Controller('program')
@SignedIn()
export class PlanStepController {
  constructor(private readonly steps: PlanStepService) {}

  @Post('targets/:id/steps')
  add(@CurrentActor() actor: Actor, @Param('id', UuidPipe) targetId: string, @Body() body: CreateChangeStepDto) {
    return this.steps.add(actor, targetId, body);
  }

  @Patch('steps/:id')
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: UpdateChangeStepDto) {
    return this.steps.update(actor, id, body);
  }

  @Delete('steps/:id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<void> {
    await this.steps.remove(actor, id);
  }
}
