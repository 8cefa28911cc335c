import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { Clock } from '@app/core';
import { IdentityMailEvents, type IdentityMail } from '@app/identity';
import { JobName, JobRegistry } from '@app/jobs';
import { MailOutbox, THREAD_HEADERS } from './mail-outbox.service';
import { MailTransport, PLATFORM_NAME } from './mail-transport';
import { OutgoingMailRepository } from './outgoing-mail.repository';

const utcTime = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: 'UTC' });
const utcDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

/** The mail.send processor, and the bridge that turns identity's invitations and resets into queued mail. */
@Injectable()
export class MailJobs implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(MailJobs.name);
  private subscription: Subscription | null = null;

  constructor(
    private readonly registry: JobRegistry,
    private readonly mails: OutgoingMailRepository,
    private readonly transport: MailTransport,
    private readonly outbox: MailOutbox,
    private readonly identityMail: IdentityMailEvents,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.handle(JobName.MailSend, ({ mailId }) => this.send(mailId));
    this.subscription = this.identityMail.events.subscribe((mail) => {
      // The change is committed and the request answered: a failure here can only be logged (never the token).
      this.queueIdentityMail(mail).catch((error: unknown) =>
        this.logger.error({ err: error, type: mail.type }, 'could not queue an identity mail'),
      );
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /**
   * Delivery is at least once: a crash between SMTP's answer and markSent sends the mail again, with the same
   * Message-ID, which mail clients use to drop the duplicate. A failure is recorded and rethrown, so the jobs library
   * retries with backoff and dead-letters the last attempt.
   */
  async send(mailId: string): Promise<void> {
    const mail = await this.mails.byId(mailId);
    if (!mail || mail.sentAt) return;
    if (mail.userId === null && (mail.purpose === 'immediate' || mail.purpose === 'digest')) {
      // The person was deleted after it was queued (the row keeps no owner): their mail goes nowhere.
      this.logger.log({ mailId }, 'mail for a deleted person dropped');
      return;
    }
    const headers = { ...mail.headers };
    const [inReplyTo, references] = THREAD_HEADERS.map((name) => {
      const value = headers[name];
      delete headers[name];
      return value;
    });
    try {
      await this.transport.send({
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        messageId: mail.messageId,
        inReplyTo,
        references: references ? references.split(/\s+/) : undefined,
        headers,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.mails
        .recordFailure(mailId, message)
        .catch((recordError: unknown) => this.logger.warn({ err: recordError, mailId }, 'could not record a mail failure'));
      throw error;
    }
    await this.mails.markSent(mailId, this.clock.now());
  }

  private async queueIdentityMail(mail: IdentityMail): Promise<void> {
    if (mail.type === 'invitation') {
      const inviter = mail.invitedByName ? `${mail.invitedByName} invited you` : 'You are invited';
      await this.outbox.queue({
        userId: null,
        to: mail.email,
        purpose: 'invitation',
        subject: `You are invited to join ${PLATFORM_NAME}`,
        content: {
          heading: `Join ${PLATFORM_NAME}`,
          intro:
            `Hello ${mail.displayName || mail.email}, ${inviter} to join ${PLATFORM_NAME}, the consortium's ` +
            `community of practice, as a member of ${mail.institutionName}. Choose a password to accept. ` +
            `The invitation is valid until ${utcDate.format(mail.expiresAt)}.`,
          sections: [],
          action: { label: 'Accept the invitation', url: `/invite/${mail.token}` },
          footer: {
            reason:
              `You get this because ${mail.institutionName} invited ${mail.email} to ${PLATFORM_NAME}. ` +
              'If you did not expect it, ignore this message: no account is created until you accept.',
          },
        },
      });
      return;
    }
    await this.outbox.queue({
      userId: mail.userId,
      to: mail.email,
      purpose: 'password_reset',
      subject: `Reset your ${PLATFORM_NAME} password`,
      content: {
        heading: 'Reset your password',
        intro:
          `Hello ${mail.displayName}, someone asked to reset the password of ${mail.email} on ${PLATFORM_NAME}. ` +
          `The link below works once, until ${utcTime.format(mail.expiresAt)} UTC ` +
          `(${utcDate.format(mail.expiresAt)}). Choosing a new password signs you out everywhere.`,
        sections: [],
        action: { label: 'Choose a new password', url: `/password/reset/${mail.token}` },
        footer: {
          reason:
            'You get this because a password reset was requested for your account. ' +
            'If it was not you, ignore this message: your password stays as it is.',
        },
      },
    });
  }
}
