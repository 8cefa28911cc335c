import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/identity';
import { ItemProgressService, MyPathService } from '@app/program';
import { ActivityResponseDto, PathQueryDto } from '../../../dto/program-path.dto';
import { CurrentActor } from '../../../http/current-auth.decorator';
import { SignedIn } from '../../../http/route-access.decorator';
import { UuidPipe } from '../../../http/validation';

/** A member's own learning path and their progress on its items. */
@ApiTags('program')
@Controller('program')
@SignedIn()
export class MyPathController {
  constructor(
    private readonly path: MyPathService,
    private readonly items: ItemProgressService,
  ) {}

  @Get('path')
  myPath(@CurrentActor() actor: Actor, @Query() query: PathQueryDto) {
    return this.path.path(actor, query.cohortId);
  }

  @Get('items/:id')
  item(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() query: PathQueryDto) {
    return this.items.get(actor, id, query.cohortId);
  }

  @Post('items/:id/start')
  @HttpCode(200)
  start(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.items.start(actor, id);
  }

  @Post('items/:id/complete')
  @HttpCode(200)
  complete(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.items.complete(actor, id);
  }

  @Put('items/:id/response')
  saveResponse(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: ActivityResponseDto) {
    return this.items.saveResponse(actor, id, body);
  }
}
