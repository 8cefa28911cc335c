import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerError } from 'smtp-server';

export interface SmtpSink {
  /** smtp://127.0.0.1:PORT, ready for SMTP_URL. */
  readonly url: string;
  /** Every accepted message, parsed, in the order they arrived. */
  readonly messages: ParsedMail[];
  /** Recipients turned away while refusing. */
  readonly refusedCount: number;
  waitFor(predicate: (message: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  waitForCount(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  /** While on, every RCPT TO is answered with `code` (550 by default), so the sender's send rejects. */
  refuse(on: boolean, code?: number): void;
  /** Holds every message this long before accepting it (a slow mail server, to catch a job mid-send). */
  slow(ms: number): void;
  clear(): void;
  close(): Promise<void>;
}

/** A real SMTP server in this process: mail goes over a socket exactly as in production, then is read back. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const arrivals = new EventEmitter();
  arrivals.setMaxListeners(0);
  let refusing: number | null = null;
  let refusedCount = 0;
  let acceptDelayMs = 0;

  const server = new SMTPServer({
    name: 'smtp-sink.test',
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 1000,
    onRcptTo(_address, _session, callback) {
      if (refusing === null) return callback();
      refusedCount += 1;
      const error: SMTPServerError = Object.assign(new Error('Mailbox unavailable (test sink is refusing)'), {
        responseCode: refusing,
      });
      callback(error);
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((message) => {
          // Stored before the reply, so when the sender's send resolves the message is already here.
          setTimeout(() => {
            messages.push(message);
            arrivals.emit('message');
            callback();
          }, acceptDelayMs);
        })
        .catch((error: Error) => callback(error));
    },
  });
  server.on('error', () => undefined);

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  /** Resolves with `check()`'s first non-undefined answer, checked now and after every arrival. */
  function until<T>(check: () => T | undefined, timeoutMs: number, what: () => string): Promise<T> {
    return new Promise((resolve, reject) => {
      const first = check();
      if (first !== undefined) return resolve(first);
      const onMessage = () => {
        const found = check();
        if (found === undefined) return;
        cleanup();
        resolve(found);
      };
      const timer = setTimeout(() => {
        cleanup();
        const subjects = messages.map((m) => JSON.stringify(m.subject ?? '')).join(', ') || 'none';
        reject(new Error(`SMTP sink: timed out after ${timeoutMs} ms waiting for ${what()} (received: ${subjects})`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        arrivals.off('message', onMessage);
      };
      arrivals.on('message', onMessage);
    });
  }

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    get refusedCount() {
      return refusedCount;
    },
    waitFor: (predicate, timeoutMs = 10_000) =>
      until(
        () => messages.find(predicate),
        timeoutMs,
        () => 'a matching message',
      ),
    waitForCount: (count, timeoutMs = 10_000) =>
      until(
        () => (messages.length >= count ? messages.slice() : undefined),
        timeoutMs,
        () => `${count} messages`,
      ),
    refuse(on, code = 550) {
      refusing = on ? code : null;
    },
    slow(ms) {
      acceptDelayMs = ms;
    },
    clear() {
      messages.length = 0;
      refusedCount = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
