import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, Clock, type AppConfig } from '@app/core';
import { JobName, JobQueue, jobKey } from '@app/jobs';
import { PLATFORM_NAME } from './mail-transport';
import { OutgoingMailRepository, type MailPurpose } from './outgoing-mail.repository';
import { renderEmail, type EmailContent } from './render-email';
import { UnsubscribeTokens } from './unsubscribe-tokens';

export interface QueuedMail {
  /** The person it is for; null for an address that has no account yet (an invitation). */
  userId: string | null;
  to: string;
  purpose: MailPurpose;
  subject: string;
  content: EmailContent;
  /** e.g. 'topic:<uuid>': every mail about one topic answers the same id, so mail clients keep them in one thread. */
  threadKey?: string;
  /** For mail a person can turn off (not invitations and resets): the footer link and RFC 8058 one-click headers. */
  unsubscribe?: { userId: string; topic: string; label: string };
}

/** Headers stored with the mail that the transport passes as nodemailer's own threading options. */
export const THREAD_HEADERS = ['In-Reply-To', 'References'] as const;

export const SETTINGS_PATH = '/settings/notifications';

/**
 * A thread key as a message id, `topic:<uuid>` → `topic.<uuid>@host`: ':' is not allowed on the left of '@' in a
 * Message-ID (RFC 5322 dot-atom), so anything outside it becomes a dot.
 */
export function threadMessageId(threadKey: string, publicUrl: string): string {
  const left = threadKey.replace(/[^A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+/g, '.').replace(/^\.+|\.+$/g, '');
  return `${left || 'thread'}@${new URL(publicUrl).hostname}`;
}

/**
 * The one way mail leaves the platform: rendered here, stored in outgoing_mail and its send job written in the same
 * transaction, so a crash never leaves a mail without its job or a job without its mail. The request path never
 * talks to SMTP.
 */
@Injectable()
export class MailOutbox {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly mails: OutgoingMailRepository,
    private readonly jobs: JobQueue,
    private readonly tokens: UnsubscribeTokens,
    private readonly clock: Clock,
  ) {}

  /** Returns the mail id. With `manager`, the mail exists exactly when the caller's transaction commits. */
  async queue(mail: QueuedMail, manager?: EntityManager): Promise<string> {
    const id = randomUUID();
    const host = new URL(this.config.publicUrl).hostname;
    const headers: Record<string, string> = {};
    let content = mail.content;
    if (mail.unsubscribe) {
      // Signed before any transaction: the first signature may create the secret, which must not wait on the caller.
      const token = await this.tokens.sign(mail.unsubscribe.userId, mail.unsubscribe.topic, this.clock.now());
      const query = `token=${encodeURIComponent(token)}`;
      content = {
        ...content,
        footer: {
          ...content.footer,
          unsubscribeUrl: `/unsubscribe?${query}`,
          unsubscribeLabel: `Stop emails for “${mail.unsubscribe.label}”`,
          settingsUrl: SETTINGS_PATH,
        },
      };
      // RFC 8058: the mail provider POSTs `List-Unsubscribe=One-Click` to this URL, with no cookie and no page.
      headers['List-Unsubscribe'] = `<${this.config.publicUrl}/api/v1/notifications/unsubscribe/one-click?${query}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    if (mail.threadKey) {
      const root = `<${threadMessageId(mail.threadKey, this.config.publicUrl)}>`;
      headers['In-Reply-To'] = root;
      headers.References = root;
    }
    const { html, text } = renderEmail(content, { name: PLATFORM_NAME, publicUrl: this.config.publicUrl });
    const row = {
      id,
      userId: mail.userId,
      to: mail.to,
      purpose: mail.purpose,
      subject: mail.subject,
      html,
      text,
      headers,
      messageId: `${mail.purpose}.${id}@${host}`,
    };
    const write = async (tx: EntityManager) => {
      await this.mails.insert(row, tx);
      await this.jobs.enqueueWithin(tx, JobName.MailSend, { mailId: id }, { jobId: jobKey(JobName.MailSend, id) });
      return id;
    };
    return manager ? write(manager) : this.dataSource.transaction(write);
  }
}
