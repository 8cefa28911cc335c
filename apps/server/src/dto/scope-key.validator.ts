import { Matches } from 'class-validator';

/** A scope key as the access policy writes it: `consortium`, `inst:<uuid>`, `cohort:<uuid>` or `group:<uuid>`. */
export const SCOPE_KEY = /^(consortium|(inst|cohort|group):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export const IsScopeKey = () => Matches(SCOPE_KEY, { message: 'scope must be consortium, inst:<uuid>, cohort:<uuid> or group:<uuid>' });
