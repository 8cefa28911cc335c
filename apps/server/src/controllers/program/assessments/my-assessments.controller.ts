import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/identity';
import { AssessmentResponseService } from '@app/program';
import { CurrentActor } from '../../../http/current-auth.decorator';
import { SignedIn } from '../../../http/route-access.decorator';
import { UuidPipe } from '../../../http/validation';

@ApiTags('program: assessments')
@Controller('program/assessments/mine')
@SignedIn()
export class MyAssessmentsController {
  constructor(private readonly responses: AssessmentResponseService) {}

  @Get()
  mine(@CurrentActor() actor: Actor) {
    return this.responses.mine(actor);
  }

  @Get(':responseId')
  one(@CurrentActor() actor: Actor, @Param('responseId', UuidPipe) responseId: string) {
    return this.responses.mineOne(actor, responseId);
  }
}
