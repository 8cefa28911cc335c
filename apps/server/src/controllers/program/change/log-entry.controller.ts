import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/identity';
import { LogEntryService } from '@app/program';
import { CreateChangeCorrectionDto, CreateChangeWinDto, ShareChangeEntryDto } from '../../../dto/program-change.dto';
import { CurrentActor } from '../../../http/current-auth.decorator';
import { SignedIn } from '../../../http/route-access.decorator';
import { UuidPipe } from '../../../http/validation';

@ApiTags('program: change')
@Controller('program')
@SignedIn()
export class LogEntryController {
  constructor(private readonly entries: LogEntryService) {}

  @Post('targets/:id/wins')
  addWin(@CurrentActor() actor: Actor, @Param('id', UuidPipe) targetId: string, @Body() body: CreateChangeWinDto) {
    return this.entries.addWin(actor, targetId, body);
  }

  @Post('targets/:id/corrections')
  addCorrection(@CurrentActor() actor: Actor, @Param('id', UuidPipe) targetId: string, @Body() body: CreateChangeCorrectionDto) {
    return this.entries.addCorrection(actor, targetId, body);
  }

  @Post('log-entries/:id/share')
  share(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: ShareChangeEntryDto) {
    return this.entries.share(actor, id, body);
  }

  @Delete('log-entries/:id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<void> {
    await this.entries.remove(actor, id);
  }
}
