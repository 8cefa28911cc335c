import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/identity';
import { TargetService } from '@app/program';
import { CreateChangeTargetDto, ChangeTargetListQueryDto, UpdateChangeTargetDto } from '../../../dto/program-change.dto';
import { CurrentActor } from '../../../http/current-auth.decorator';
import { SignedIn } from '../../../http/route-access.decorator';
import { UuidPipe } from '../../../http/validation';

@ApiTags('program: change')
@Controller('program')
@SignedIn()
export class ChangeTargetController {
  constructor(private readonly targets: TargetService) {}

  @Get('schools/:schoolId/targets')
  list(@CurrentActor() actor: Actor, @Param('schoolId', UuidPipe) schoolId: string, @Query() query: ChangeTargetListQueryDto) {
    return this.targets.list(actor, schoolId, query);
  }

  @Post('schools/:schoolId/targets')
  create(@CurrentActor() actor: Actor, @Param('schoolId', UuidPipe) schoolId: string, @Body() body: CreateChangeTargetDto) {
    return this.targets.create(actor, schoolId, body);
  }

  @Get('targets/:id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.targets.get(actor, id);
  }

  @Patch('targets/:id')
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: UpdateChangeTargetDto) {
    return this.targets.update(actor, id, body);
  }

  @Delete('targets/:id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<void> {
    await this.targets.remove(actor, id);
  }
}
