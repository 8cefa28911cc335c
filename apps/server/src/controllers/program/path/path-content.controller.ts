import { Body, Controller, Delete, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/identity';
import { ContentService } from '@app/program';
import { CreateItemDto, CreateModuleDto, UpdateItemDto, UpdateModuleDto } from '../../../dto/program-path.dto';
import { CurrentActor } from '../../../http/current-auth.decorator';
import { SignedIn } from '../../../http/route-access.decorator';
import { UuidPipe } from '../../../http/validation';

/** Writing the learning path's modules and items (the service allows the program's admins only). */
@ApiTags('program')
@Controller('program')
@SignedIn()
export class PathContentController {
  constructor(private readonly content: ContentService) {}

  @Post('modules')
  createModule(@CurrentActor() actor: Actor, @Body() body: CreateModuleDto) {
    return this.content.createModule(actor, body);
  }

  @Patch('modules/:id')
  updateModule(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: UpdateModuleDto) {
    return this.content.updateModule(actor, id, body);
  }

  @Delete('modules/:id')
  @HttpCode(204)
  removeModule(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.content.removeModule(actor, id);
  }

  @Post('modules/:id/items')
  createItem(@CurrentActor() actor: Actor, @Param('id', UuidPipe) moduleId: string, @Body() body: CreateItemDto) {
    return this.content.createItem(actor, moduleId, body);
  }

  @Patch('items/:id')
  updateItem(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: UpdateItemDto) {
    return this.content.updateItem(actor, id, body);
  }

  @Delete('items/:id')
  @HttpCode(204)
  removeItem(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.content.removeItem(actor, id);
  }
}
