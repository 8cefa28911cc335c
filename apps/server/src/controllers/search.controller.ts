import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/identity';
import { SearchService } from '@app/search';
import { SearchQueryDto } from '../dto/knowledge.dto';
import { CurrentActor } from '../http/current-auth.decorator';
import { SignedIn } from '../http/route-access.decorator';

@ApiTags('search')
@Controller('search')
@SignedIn()
export class SearchController {
  constructor(private readonly search: SearchService) {}

  /** Topics, posts, articles and collections the caller may see, ranked, with facets and a cursor. */
  @Get()
  find(@CurrentActor() actor: Actor, @Query() query: SearchQueryDto) {
    return this.search.search(actor, query);
  }
}
