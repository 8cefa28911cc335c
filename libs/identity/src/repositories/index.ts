export * from './audit.repository';
export * from './cohort.repository';
export * from './group.repository';
export * from './institution.repository';
export * from './invitation.repository';
export * from './login-throttle.repository';
export * from './session.repository';
export * from './user.repository';
