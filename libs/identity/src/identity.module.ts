import { Module } from '@nestjs/common';
import * as repositories from './repositories';
import * as services from './services';

const REPOSITORIES = [
  repositories.ActorRepository,
  repositories.AuditRepository,
  repositories.CohortRepository,
  repositories.GroupRepository,
  repositories.InstitutionRepository,
  repositories.InvitationRepository,
  repositories.LoginThrottleRepository,
  repositories.PasswordResetRepository,
  repositories.SessionRepository,
  repositories.UserRepository,
];

const SERVICES = [
  services.AuditedWrite,
  services.AuthService,
  services.BulkInvitationService,
  services.CohortService,
  services.FirstRunService,
  services.IdentityMailEvents,
  services.GroupService,
  services.InstitutionService,
  services.InvitationService,
  services.LoginThrottleService,
  services.MeService,
  services.MemberService,
  services.OnboardingService,
  services.PasswordHasher,
  services.PasswordResetService,
  services.ScopeOwner,
  services.SessionEvents,
];

/** Needs APP_CONFIG, Clock and DataSource from the application's global providers. */
@Module({
  providers: [...REPOSITORIES, ...SERVICES],
  exports: [...SERVICES, repositories.UserRepository, repositories.AuditRepository, repositories.ActorRepository],
})
export class IdentityModule {}
