import type { PlatformRole } from '../entities/user.entity';

/** Who is asking, with everything the access policy needs, loaded once per request. */
export interface Actor {
  readonly userId: string;
  readonly platformRole: PlatformRole;
  readonly institutionId: string | null;
  readonly schoolLead: boolean;
  readonly cohortIds: readonly string[];
  readonly groupIds: readonly string[];
  /** Cohorts and groups of the school this person leads; empty unless schoolLead. */
  readonly ledCohortIds: readonly string[];
  readonly ledGroupIds: readonly string[];
}
