import { Identity1764201600000 } from './1764201600000-identity';

/** Every migration in order. Listed explicitly so the compiled app needs no file globbing. */
export const ALL_MIGRATIONS = [Identity1764201600000];
