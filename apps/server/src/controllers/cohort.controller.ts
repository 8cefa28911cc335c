import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CohortService, MemberService, type Actor } from '@app/identity';
import { PageQueryDto } from '../dto/member.dto';
import { AddMemberDto, CreateCohortDto, InstitutionFilterQuery, UpdateCohortDto } from '../dto/organisation.dto';
import { CurrentActor } from '../http/current-auth.decorator';
import { SignedIn } from '../http/route-access.decorator';
import { UuidPipe } from '../http/validation';

@ApiTags('cohorts')
@Controller('cohorts')
@SignedIn()
export class CohortController {
  constructor(
    private readonly cohorts: CohortService,
    private readonly members: MemberService,
  ) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: InstitutionFilterQuery) {
    return this.cohorts.list(actor, query.institutionId);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateCohortDto) {
    return this.cohorts.create(actor, body);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.cohorts.get(actor, id);
  }

  @Patch(':id')
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: UpdateCohortDto) {
    return this.cohorts.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<void> {
    await this.cohorts.remove(actor, id);
  }

  @Get(':id/members')
  listMembers(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() query: PageQueryDto) {
    return this.members.directory(actor, { cohortId: id, cursor: query.cursor, limit: query.limit });
  }

  @Post(':id/members')
  @HttpCode(204)
  async addMember(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: AddMemberDto): Promise<void> {
    await this.cohorts.addMember(actor, id, body.userId);
  }

  @Delete(':id/members/:userId')
  @HttpCode(204)
  async removeMember(
    @CurrentActor() actor: Actor,
    @Param('id', UuidPipe) id: string,
    @Param('userId', UuidPipe) userId: string,
  ): Promise<void> {
    await this.cohorts.removeMember(actor, id, userId);
  }
}
