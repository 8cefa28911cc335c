export * from './mail-transport';
export * from './render-email';
export * from './app-secret.repository';
export * from './unsubscribe-tokens';
export * from './outgoing-mail.repository';
export * from './mail-outbox.service';
export { MailJobs } from './mail-jobs';

import { UnsubscribeService } from '../services/unsubscribe.service';
import { AppSecretRepository } from './app-secret.repository';
import { MailJobs } from './mail-jobs';
import { MailOutbox } from './mail-outbox.service';
import { MailTransport } from './mail-transport';
import { OutgoingMailRepository } from './outgoing-mail.repository';
import { UnsubscribeTokens } from './unsubscribe-tokens';

/** Everything the mail layer provides to the notifications module. */
export const MAIL_PROVIDERS = [
  MailTransport,
  AppSecretRepository,
  UnsubscribeTokens,
  OutgoingMailRepository,
  MailOutbox,
  MailJobs,
  UnsubscribeService,
];
