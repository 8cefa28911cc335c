import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { type ParsedMail, simpleParser } from 'mailparser';
import { loadConfig } from '@app/core';
import { MailTransport, type OutgoingMessage, renderEmail } from '../../libs/notifications/src/mail';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

const PUBLIC_URL = 'https://commons.example.org';

function message(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  const { html, text } = renderEmail(
    {
      heading: 'Ana Diaz replied to you',
      sections: [{ items: [{ title: 'Naming <racism> on rounds', url: '/forum/t/abc?post=4' }] }],
      footer: { reason: 'You get this because someone replied to you.', unsubscribeUrl: '/unsubscribe?token=tok.sig' },
    },
    { name: 'ART Commons', publicUrl: PUBLIC_URL },
  );
  return {
    to: 'reader@school.example.edu',
    subject: 'Re: Naming racism on rounds — “quotes” & ünïcode',
    html,
    text,
    messageId: 'n-7d1e6c1a-5b0a-4c1e-8a55-0d2f9b7e3a10@commons.example.org',
    inReplyTo: 'topic-abc@commons.example.org',
    references: ['topic-abc@commons.example.org', 'n-first@commons.example.org'],
    headers: {
      'List-Unsubscribe': `<${PUBLIC_URL}/api/v1/notifications/unsubscribe/one-click?token=tok.sig>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    ...overrides,
  };
}

/** A header as it was written, unfolded: mailparser files List-* headers under one structured `list` entry. */
function rawHeader(mail: ParsedMail, name: string): string | undefined {
  const found = mail.headerLines.find((line) => line.key === name.toLowerCase());
  return found?.line
    .replace(/\r?\n(?=[ \t])/g, '')
    .slice(name.length + 1)
    .trim();
}

function transportFor(env: Record<string, string>): MailTransport {
  return new MailTransport(loadConfig({ NODE_ENV: 'test', PUBLIC_URL, ...env }));
}

describe('MailTransport', () => {
  let dataDir: string;

  // No Nest application here to route logs through pino at the test level; keep the console quiet.
  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'artc-mail-'));
  });

  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  describe('over SMTP', () => {
    let sink: SmtpSink;
    let transport: MailTransport;

    beforeAll(async () => {
      sink = await startSmtpSink();
    });

    beforeEach(() => {
      sink.clear();
      sink.refuse(false);
      transport = transportFor({ DATA_DIR: dataDir, SMTP_URL: sink.url });
    });

    afterEach(() => transport.close());

    afterAll(() => sink.close());

    it('delivers the message with both parts and the threading and unsubscribe headers', async () => {
      await transport.send(message());
      const [mail] = await sink.waitForCount(1);
      expect(mail.subject).toBe('Re: Naming racism on rounds — “quotes” & ünïcode');
      expect(mail.from?.value).toEqual([{ name: 'ART Commons', address: 'no-reply@commons.example.org' }]);
      expect(mail.to && !Array.isArray(mail.to) && mail.to.value[0].address).toBe('reader@school.example.edu');
      expect(mail.messageId).toBe('<n-7d1e6c1a-5b0a-4c1e-8a55-0d2f9b7e3a10@commons.example.org>');
      expect(mail.inReplyTo).toBe('<topic-abc@commons.example.org>');
      expect(mail.references).toEqual(['<topic-abc@commons.example.org>', '<n-first@commons.example.org>']);
      expect(rawHeader(mail, 'List-Unsubscribe')).toBe(
        `<${PUBLIC_URL}/api/v1/notifications/unsubscribe/one-click?token=tok.sig>`,
      );
      expect(rawHeader(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      expect(mail.html).toContain('href="https://commons.example.org/forum/t/abc?post=4"');
      expect(mail.html).toContain('Naming &#60;racism&#62; on rounds');
      expect(mail.text).toContain('https://commons.example.org/forum/t/abc?post=4');
      expect(mail.text).toContain('ART Commons');
    });

    it('leaves out threading headers that were not given', async () => {
      await transport.send(message({ inReplyTo: undefined, references: undefined, headers: undefined }));
      const [mail] = await sink.waitForCount(1);
      expect(mail.inReplyTo).toBeUndefined();
      expect(mail.references).toBeUndefined();
      expect(rawHeader(mail, 'List-Unsubscribe')).toBeUndefined();
    });

    it('sends many messages over the pooled connections', async () => {
      await Promise.all(
        Array.from({ length: 12 }, (_, i) => transport.send(message({ messageId: `n-${i}@commons.example.org` }))),
      );
      const mails = await sink.waitForCount(12);
      expect(new Set(mails.map((m) => m.messageId)).size).toBe(12);
    });

    it('rejects when the server refuses the message, so the job can retry', async () => {
      sink.refuse(true);
      await expect(transport.send(message())).rejects.toThrow(/550|refus/i);
      sink.refuse(true, 451);
      await expect(transport.send(message())).rejects.toThrow(/451|refus/i);
      expect(sink.refusedCount).toBe(2);
      expect(sink.messages).toHaveLength(0);
      sink.refuse(false);
      await transport.send(message());
      await sink.waitForCount(1);
    });

    it('rejects promptly when nothing listens at SMTP_URL', async () => {
      const dead = transportFor({ DATA_DIR: dataDir, SMTP_URL: 'smtp://127.0.0.1:1' });
      try {
        await expect(dead.send(message())).rejects.toThrow(/ECONNREFUSED|connect/i);
      } finally {
        dead.close();
      }
    });
  });

  describe('without SMTP_URL', () => {
    it('writes an .eml file under <dataDir>/mail that parses back to the same message', async () => {
      const transport = transportFor({ DATA_DIR: dataDir });
      await transport.send(message());
      const files = await readdir(join(dataDir, 'mail'));
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(
        /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z-n-7d1e6c1a-5b0a-4c1e-8a55-0d2f9b7e3a10@commons\.example\.org\.eml$/,
      );
      const mail = await simpleParser(await readFile(join(dataDir, 'mail', files[0])));
      expect(mail.subject).toBe('Re: Naming racism on rounds — “quotes” & ünïcode');
      expect(mail.messageId).toBe('<n-7d1e6c1a-5b0a-4c1e-8a55-0d2f9b7e3a10@commons.example.org>');
      expect(mail.inReplyTo).toBe('<topic-abc@commons.example.org>');
      expect(rawHeader(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      expect(mail.html).toContain('href="https://commons.example.org/forum/t/abc?post=4"');
      expect(mail.text).toContain('https://commons.example.org/unsubscribe?token=tok.sig');
      transport.close();
    });

    it('keeps path characters of a message id out of the file name', async () => {
      const transport = transportFor({ DATA_DIR: dataDir });
      await transport.send(message({ messageId: '../../etc/x y@host' }));
      const files = await readdir(join(dataDir, 'mail'));
      expect(files).toEqual([expect.stringMatching(/Z-\.\._\.\._etc_x_y@host\.eml$/)]);
    });
  });
});
