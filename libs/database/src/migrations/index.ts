import { Identity1764201600000 } from './1764201600000-identity';
import { Forum1764288000000 } from './1764288000000-forum';

/** Every migration in order. Listed explicitly so the compiled app needs no file globbing. */
export const ALL_MIGRATIONS = [Identity1764201600000, Forum1764288000000];
