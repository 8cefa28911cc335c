import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/identity';
import { CollectionService } from '@app/knowledge';
import { CollectionItemsDto, CollectionListQueryDto, CreateCollectionDto, UpdateCollectionDto } from '../dto/knowledge.dto';
import { CurrentActor } from '../http/current-auth.decorator';
import { SignedIn } from '../http/route-access.decorator';
import { UuidPipe } from '../http/validation';

@ApiTags('knowledge')
@Controller('knowledge/collections')
@SignedIn()
export class CollectionController {
  constructor(private readonly collections: CollectionService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: CollectionListQueryDto) {
    return this.collections.list(actor, query);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateCollectionDto) {
    return this.collections.create(actor, body);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.collections.get(actor, id);
  }

  @Patch(':id')
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: UpdateCollectionDto) {
    return this.collections.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.collections.remove(actor, id);
  }

  @Put(':id/items')
  setItems(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: CollectionItemsDto) {
    return this.collections.setItems(actor, id, body.articleIds);
  }
}
