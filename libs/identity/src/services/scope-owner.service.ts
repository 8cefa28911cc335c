import { Injectable } from '@nestjs/common';
import type { Actor, ScopeKey } from '../policy';
import { CohortService } from './cohort.service';
import { GroupService } from './group.service';
import { InstitutionService } from './institution.service';

/**
 * The school a scope belongs to (null for consortium-wide), which is what the permission table asks about
 * when someone sets up a space or a room there. Looking it up also checks the actor can see the scope at all.
 */
@Injectable()
export class ScopeOwner {
  constructor(
    private readonly institutions: InstitutionService,
    private readonly cohorts: CohortService,
    private readonly groups: GroupService,
  ) {}

  async schoolOf(actor: Actor, scope: ScopeKey): Promise<string | null> {
    const [kind, id] = scope.split(':') as [string, string | undefined];
    if (kind === 'consortium') return null;
    if (kind === 'inst') return (await this.institutions.get(actor, id!)).id;
    if (kind === 'cohort') return (await this.cohorts.visibleCohort(actor, id!)).institutionId;
    return (await this.groups.visibleGroup(actor, id!)).institutionId;
  }
}
