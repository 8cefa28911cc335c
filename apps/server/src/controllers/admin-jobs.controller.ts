import { Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/identity';
import { FailedJobsService } from '@app/jobs';
import { CursorQueryDto } from '../dto/notification.dto';
import { CurrentActor } from '../http/current-auth.decorator';
import { SignedIn } from '../http/route-access.decorator';
import { UuidPipe } from '../http/validation';

/** The dead letters: jobs that used up their retries. Platform admins only; 404 for everyone else. */
@ApiTags('admin')
@Controller('admin/jobs')
@SignedIn()
export class AdminJobsController {
  constructor(private readonly failed: FailedJobsService) {}

  @Get('failed')
  list(@CurrentActor() actor: Actor, @Query() query: CursorQueryDto) {
    return this.failed.list(actor, query.cursor, query.limit);
  }

  @Get('summary')
  summary(@CurrentActor() actor: Actor) {
    return this.failed.summary(actor);
  }

  @Post('failed/:id/retry')
  @HttpCode(204)
  async retry(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<void> {
    await this.failed.retry(actor, id);
  }

  @Delete('failed/:id')
  @HttpCode(204)
  async discard(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<void> {
    await this.failed.discard(actor, id);
  }
}
