import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InstitutionService, type Actor } from '@app/identity';
import { CreateInstitutionDto, UpdateInstitutionDto } from '../dto/organisation.dto';
import { CurrentActor } from '../http/current-auth.decorator';
import { SignedIn } from '../http/route-access.decorator';
import { UuidPipe } from '../http/validation';

@ApiTags('institutions')
@Controller('institutions')
@SignedIn()
export class InstitutionController {
  constructor(private readonly institutions: InstitutionService) {}

  @Get()
  list(@CurrentActor() actor: Actor) {
    return this.institutions.list(actor);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateInstitutionDto) {
    return this.institutions.create(actor, body);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.institutions.get(actor, id);
  }

  @Patch(':id')
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() body: UpdateInstitutionDto) {
    return this.institutions.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<void> {
    await this.institutions.remove(actor, id);
  }
}
