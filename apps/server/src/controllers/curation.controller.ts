import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/identity';
import { CurationService } from '@app/knowledge';
import { ContributorDto, ScopeParamDto, ScopeSettingsDto } from '../dto/knowledge.dto';
import { CurrentActor } from '../http/current-auth.decorator';
import { SignedIn } from '../http/route-access.decorator';
import { UuidPipe } from '../http/validation';

/** The cycle dashboard, contributors, and per-scope review settings. */
@ApiTags('knowledge')
@Controller('knowledge')
@SignedIn()
export class CurationController {
  constructor(private readonly curation: CurationService) {}

  @Get('dashboard')
  dashboard(@CurrentActor() actor: Actor) {
    return this.curation.dashboard(actor);
  }

  @Get('contributors')
  contributors(@CurrentActor() actor: Actor) {
    return this.curation.contributors(actor);
  }

  @Put('contributors/:userId')
  setContributor(@CurrentActor() actor: Actor, @Param('userId', UuidPipe) userId: string, @Body() body: ContributorDto) {
    return this.curation.setContributor(actor, userId, body.contributor);
  }

  @Get('scopes/:scope/settings')
  settings(@CurrentActor() actor: Actor, @Param() params: ScopeParamDto) {
    return this.curation.settings(actor, params.scope);
  }

  @Put('scopes/:scope/settings')
  setSettings(@CurrentActor() actor: Actor, @Param() params: ScopeParamDto, @Body() body: ScopeSettingsDto) {
    return this.curation.setApprovalsRequired(actor, params.scope, body.approvalsRequired);
  }
}
