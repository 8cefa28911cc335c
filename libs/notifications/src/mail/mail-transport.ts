import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/core';
import {
  createTransport,
  type SendMailOptions,
  type SMTPPoolSentMessageInfo,
  type StreamSentMessageInfo,
  type Transporter,
} from 'nodemailer';

/** The platform's name as people see it in their inbox (sender name, headings, footers). */
export const PLATFORM_NAME = 'ART Commons';

/** The one sender of every message: derived from PUBLIC_URL so replies never reach a made-up domain. */
export function senderAddress(publicUrl: string): string {
  return `"${PLATFORM_NAME}" <no-reply@${new URL(publicUrl).hostname}>`;
}

export interface OutgoingMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Without angle brackets, e.g. `n-<uuid>@host`. */
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post. */
  headers?: Record<string, string>;
}

// Short, so a dead or stalling server fails the job quickly and the queue's backoff takes over.
const SMTP_TIMEOUT_MS = 10_000;

/**
 * Sends mail over SMTP_URL, or, without it, writes each message as an .eml file under `${dataDir}/mail` so a
 * developer can open what would have been sent. Either way a failure throws, so the calling job retries.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly logger = new Logger(MailTransport.name);
  private readonly from: string;
  private readonly smtp: Transporter<SMTPPoolSentMessageInfo> | null;
  private readonly files: Transporter<StreamSentMessageInfo> | null;
  private readonly mailDir: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.from = senderAddress(config.publicUrl);
    this.mailDir = join(config.dataDir, 'mail');
    this.smtp = config.smtpUrl
      ? createTransport({
          url: config.smtpUrl,
          pool: true,
          maxConnections: 5,
          connectionTimeout: SMTP_TIMEOUT_MS,
          greetingTimeout: SMTP_TIMEOUT_MS,
          socketTimeout: SMTP_TIMEOUT_MS,
        })
      : null;
    this.files = this.smtp ? null : createTransport({ streamTransport: true, buffer: true });
  }

  async send(message: OutgoingMessage): Promise<void> {
    const options: SendMailOptions = {
      from: this.from,
      to: message.to,
      subject: message.subject,
      html: message.html,
      text: message.text,
      messageId: message.messageId,
      inReplyTo: message.inReplyTo,
      references: message.references,
      headers: message.headers,
    };
    if (this.smtp) {
      const info = await this.smtp.sendMail(options);
      // With one recipient nodemailer already rejects when it is refused; this guards a partial acceptance.
      if (info.rejected?.length) throw new Error(`SMTP refused ${info.rejected.join(', ')}: ${info.response}`);
      this.logger.debug({ messageId: message.messageId }, 'Mail sent');
      return;
    }
    const info = await this.files!.sendMail(options);
    await mkdir(this.mailDir, { recursive: true });
    const file = join(this.mailDir, emlFileName(new Date(), message.messageId));
    await writeFile(file, info.message as Buffer);
    this.logger.debug({ messageId: message.messageId, file }, 'Mail written');
  }

  /** Lets deliveries in flight finish, then closes the pooled connections. */
  close(): void {
    this.smtp?.close();
  }

  onApplicationShutdown(): void {
    this.close();
  }
}

function emlFileName(at: Date, messageId: string): string {
  const safeId = messageId.replace(/[^A-Za-z0-9._@-]/g, '_').slice(0, 150);
  return `${at.toISOString().replace(/:/g, '-')}-${safeId}.eml`;
}
