import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { MeService, type Actor, type Authenticated } from '@app/identity';
import { ChangePasswordDto, CreateTokenDto, UpdateProfileDto } from '../dto/me.dto';
import { CurrentActor, CurrentAuth } from '../http/current-auth.decorator';
import { SignedIn } from '../http/route-access.decorator';
import { UuidPipe } from '../http/validation';

@ApiTags('me')
@Controller('me')
@SignedIn()
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  get(@CurrentActor() actor: Actor) {
    return this.me.me(actor);
  }

  @Patch()
  update(@CurrentActor() actor: Actor, @Body() body: UpdateProfileDto) {
    return this.me.updateProfile(actor, body);
  }

  @Post('password')
  @HttpCode(204)
  async changePassword(@CurrentAuth() auth: Authenticated, @Body() body: ChangePasswordDto): Promise<void> {
    await this.me.changePassword(auth.actor, auth.sessionId, body.currentPassword, body.newPassword);
  }

  @Get('tokens')
  tokens(@CurrentActor() actor: Actor) {
    return this.me.listTokens(actor);
  }

  @Post('tokens')
  createToken(@CurrentActor() actor: Actor, @Body() body: CreateTokenDto) {
    return this.me.createToken(actor, body.name);
  }

  @Delete('tokens/:id')
  @HttpCode(204)
  async revokeToken(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<void> {
    await this.me.revokeToken(actor, id);
  }
}
