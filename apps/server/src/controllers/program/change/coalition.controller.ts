import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/identity';
import { CoalitionService } from '@app/program';
import { CoalitionGroupQueryDto, CoalitionMemberDto } from '../../../dto/program-change.dto';
import { CurrentActor } from '../../../http/current-auth.decorator';
import { SignedIn } from '../../../http/route-access.decorator';
import { UuidPipe } from '../../../http/validation';

@ApiTags('program: change')
@Controller('program/schools/:schoolId/coalition')
@SignedIn()
export class CoalitionController {
  constructor(private readonly coalition: CoalitionService) {}

  @Get()
  get(@CurrentActor() actor: Actor, @Param('schoolId', UuidPipe) schoolId: string) {
    return this.coalition.get(actor, schoolId);
  }

  @Put('members/:userId')
  setMember(
    @CurrentActor() actor: Actor,
    @Param('schoolId', UuidPipe) schoolId: string,
    @Param('userId', UuidPipe) userId: string,
    @Body() body: CoalitionMemberDto,
  ) {
    return this.coalition.setMember(actor, schoolId, userId, body);
  }

  @Delete('members/:userId')
  @HttpCode(204)
  async removeMember(
    @CurrentActor() actor: Actor,
    @Param('schoolId', UuidPipe) schoolId: string,
    @Param('userId', UuidPipe) userId: string,
    @Query() query: CoalitionGroupQueryDto,
  ): Promise<void> {
    await this.coalition.removeMember(actor, schoolId, userId, query.groupId);
  }
}
