import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export type MailPurpose = 'immediate' | 'digest' | 'invitation' | 'password_reset';

export interface NewOutgoingMail {
  id: string;
  userId: string | null;
  to: string;
  purpose: MailPurpose;
  subject: string;
  html: string;
  text: string;
  /** Extra headers as sent, including In-Reply-To / References when the mail belongs to a thread. */
  headers: Record<string, string>;
  /** Without angle brackets. */
  messageId: string;
}

export interface OutgoingMail extends NewOutgoingMail {
  createdAt: Date;
  sentAt: Date | null;
  attempts: number;
  lastError: string | null;
}

// Enough to tell an SMTP refusal from a timeout; a whole stack trace belongs in the dead letters, not here.
const MAX_ERROR_LENGTH = 2000;

const COLUMNS = `id, user_id AS "userId", to_address AS "to", purpose, subject, html, text, headers, message_id AS "messageId",
  created_at AS "createdAt", sent_at AS "sentAt", attempts, last_error AS "lastError"`;

/**
 * Every message the platform sends, rendered once when queued: the send job only delivers what is stored here, so a
 * retry sends exactly the same bytes (same Message-ID) however the data behind it changed meanwhile.
 */
@Injectable()
export class OutgoingMailRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(mail: NewOutgoingMail, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO outgoing_mail (id, user_id, to_address, purpose, subject, html, text, headers, message_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        mail.id,
        mail.userId,
        mail.to,
        mail.purpose,
        mail.subject,
        mail.html,
        mail.text,
        JSON.stringify(mail.headers),
        mail.messageId,
      ],
    );
    return row.id;
  }

  async byId(id: string): Promise<OutgoingMail | null> {
    const rows: OutgoingMail[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM outgoing_mail WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Only the first success counts: a duplicate delivery does not move sent_at. */
  async markSent(id: string, at: Date): Promise<void> {
    await this.dataSource.query(
      'UPDATE outgoing_mail SET sent_at = $2, attempts = attempts + 1, last_error = NULL WHERE id = $1 AND sent_at IS NULL',
      [id, at],
    );
  }

  async recordFailure(id: string, error: string): Promise<void> {
    await this.dataSource.query('UPDATE outgoing_mail SET attempts = attempts + 1, last_error = $2 WHERE id = $1', [
      id,
      error.slice(0, MAX_ERROR_LENGTH),
    ]);
  }
}
