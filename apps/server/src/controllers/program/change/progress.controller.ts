import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/identity';
import { ChangeProgressService } from '@app/program';
import { CurrentActor } from '../../../http/current-auth.decorator';
import { SignedIn } from '../../../http/route-access.decorator';
import { UuidPipe } from '../../../http/validation';

@ApiTags('program: change')
@Controller('program')
@SignedIn()
export class ChangeProgressController {
  constructor(private readonly progress: ChangeProgressService) {}

  @Get('schools/:schoolId/dashboard')
  dashboard(@CurrentActor() actor: Actor, @Param('schoolId', UuidPipe) schoolId: string) {
    return this.progress.dashboard(actor, schoolId);
  }

  @Get('consortium/progress')
  consortium(@CurrentActor() actor: Actor) {
    return this.progress.consortium(actor);
  }
}
