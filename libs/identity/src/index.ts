export * from './entities';
export * from './policy';
export * from './presenters';
export * from './services';
export * from './identity.module';
export type { ProfilePatch, DirectoryQuery } from './repositories';
export { ActorRepository, UserRepository } from './repositories';
