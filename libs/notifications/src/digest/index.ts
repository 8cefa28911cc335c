export { DigestJobs, DIGEST_TICK_EVERY_MS } from './digest-jobs';
export { DigestBuilder, type DigestOutcome } from './digest-builder.service';
export { DigestRepository, type DueDigest } from './digest.repository';
export { periodKeyAt, periodOf, type DigestPeriod } from './digest-period';
export { digestSubject, type DigestItems } from './digest-email';

import { DigestBuilder } from './digest-builder.service';
import { DigestCollector } from './digest-collector.service';
import { DigestJobs } from './digest-jobs';
import { DigestRepository } from './digest.repository';

/** Everything the digest needs, for the notifications module's providers. */
export const DIGEST_PROVIDERS = [DigestRepository, DigestCollector, DigestBuilder, DigestJobs];
