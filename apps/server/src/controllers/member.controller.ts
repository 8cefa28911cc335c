import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { MemberService, type Actor } from '@app/identity';
import { DirectoryQueryDto, UpdateMemberRolesDto } from '../dto/member.dto';
import { CurrentActor } from '../http/current-auth.decorator';
import { SignedIn } from '../http/route-access.decorator';
import { UuidPipe } from '../http/validation';

@ApiTags('members')
@Controller('members')
@SignedIn()
export class MemberController {
  constructor(private readonly members: MemberService) {}

  @Get()
  directory(@CurrentActor() actor: Actor, @Query() query: DirectoryQueryDto) {
    return this.members.directory(actor, query);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.members.get(actor, id);
  }

  @Patch(':id')
  updateRoles(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: UpdateMemberRolesDto) {
    return this.members.updateRoles(actor, id, body);
  }

  @Post(':id/deactivate')
  @HttpCode(204)
  async deactivate(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<void> {
    await this.members.deactivate(actor, id);
  }
}
