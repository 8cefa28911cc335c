import { createHmac, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ErrorCode } from '@app/core';
import { createDataSource } from '@app/database';
import { resetDatabase, testDatabaseUrl } from '../../../../test/support/test-database';
import { AppSecretRepository } from './app-secret.repository';
import { UnsubscribeTokens } from './unsubscribe-tokens';

const USER = '0b7f5a52-3c1e-4d8e-9f57-2f0c5f8f6a11';
const OTHER = 'c1a0e7de-8e4b-4a8f-a7f3-5f0e3d1b2c99';
const NOW = new Date('2025-03-01T12:00:00Z');
const DAY = 86_400_000;

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const hmac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest('base64url');

describe('UnsubscribeTokens (real PostgreSQL)', () => {
  let dataSource: DataSource;
  let tokens: UnsubscribeTokens;

  const rejectsWith = (token: string, code: ErrorCode, at = NOW) =>
    expect(tokens.verify(token, at)).rejects.toMatchObject({ code, status: 400 });

  /** The key every process shares, read the way an attacker who stole the database would. */
  async function storedKey(): Promise<Buffer> {
    const rows: { value: string }[] = await dataSource.query("SELECT value FROM app_secret WHERE name = 'unsubscribe'");
    return Buffer.from(rows[0].value, 'base64url');
  }

  beforeAll(async () => {
    const url = await testDatabaseUrl();
    await resetDatabase(url);
    dataSource = createDataSource(url, [], 4);
    await dataSource.initialize();
    tokens = new UnsubscribeTokens(new AppSecretRepository(dataSource));
  });

  afterAll(() => dataSource.destroy());

  it('verifies what it signed: the person and the topic', async () => {
    const token = await tokens.sign(USER, 'replied', NOW);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    await expect(tokens.verify(token, NOW)).resolves.toEqual({ userId: USER, topic: 'replied' });
    await expect(tokens.verify(await tokens.sign(USER, 'digest', NOW), NOW)).resolves.toEqual({ userId: USER, topic: 'digest' });
  });

  it('keeps one 32-byte secret in app_secret, made on first use', async () => {
    const rows: { value: string }[] = await dataSource.query("SELECT value FROM app_secret WHERE name = 'unsubscribe'");
    expect(rows).toHaveLength(1);
    expect(Buffer.from(rows[0].value, 'base64url')).toHaveLength(32);
  });

  it('lets every process agree on the secret, even when they all create it at once', async () => {
    await dataSource.query("DELETE FROM app_secret WHERE name = 'unsubscribe'");
    const processes = Array.from({ length: 6 }, () => new UnsubscribeTokens(new AppSecretRepository(dataSource)));
    const signed = await Promise.all(processes.map((p, i) => p.sign(USER, `kind-${i}`, NOW)));
    for (const verifier of processes) {
      for (const [i, token] of signed.entries()) {
        await expect(verifier.verify(token, NOW)).resolves.toEqual({ userId: USER, topic: `kind-${i}` });
      }
    }
    // The row was replaced under the shared instance's cache: the tests below use one that read the current secret.
    tokens = processes[0];
  });

  it('refuses a signature made with another key', async () => {
    const payload = b64({ u: USER, t: 'replied', e: NOW.getTime() / 1000 + 3600 });
    await rejectsWith(`${payload}.${hmac(randomBytes(32), payload)}`, ErrorCode.InvalidToken);
  });

  it('refuses a payload changed under a valid signature', async () => {
    const [, signature] = (await tokens.sign(USER, 'replied', NOW)).split('.');
    const [otherPayload] = (await tokens.sign(OTHER, 'replied', NOW)).split('.');
    await rejectsWith(`${otherPayload}.${signature}`, ErrorCode.InvalidToken);
    const longer = b64({ u: USER, t: 'replied', e: NOW.getTime() / 1000 + 3650 * 86_400 });
    await rejectsWith(`${longer}.${signature}`, ErrorCode.InvalidToken);
  });

  it('refuses a signature altered in any one character', async () => {
    const token = await tokens.sign(USER, 'mentioned', NOW);
    const [payload, signature] = token.split('.');
    // The last character carries padding bits too: another spelling of the same bytes is refused as well.
    for (const index of [0, 20, signature.length - 1]) {
      const swapped = signature[index] === 'A' ? 'B' : 'A';
      const altered = signature.slice(0, index) + swapped + signature.slice(index + 1);
      await rejectsWith(`${payload}.${altered}`, ErrorCode.InvalidToken);
    }
    await rejectsWith(`${payload}.${signature}A`, ErrorCode.InvalidToken);
  });

  it('accepts a token until its expiry and refuses it after', async () => {
    const token = await tokens.sign(USER, 'watching', NOW, 90);
    await expect(tokens.verify(token, new Date(NOW.getTime() + 89 * DAY))).resolves.toEqual({ userId: USER, topic: 'watching' });
    await rejectsWith(token, ErrorCode.TokenExpired, new Date(NOW.getTime() + 90 * DAY));
    const short = await tokens.sign(USER, 'watching', NOW, 1);
    await rejectsWith(short, ErrorCode.TokenExpired, new Date(NOW.getTime() + 2 * DAY));
  });

  it('refuses well-signed payloads of the wrong shape', async () => {
    const key = await storedKey();
    const e = NOW.getTime() / 1000 + 3600;
    const shapes: unknown[] = [
      { u: USER, t: 'replied', e, admin: true },
      { u: USER, t: 42, e },
      { u: USER, t: ['replied'], e },
      { u: USER, t: '', e },
      { u: 7, t: 'replied', e },
      { u: USER, t: 'replied', e: String(e) },
      { u: USER, t: 'replied', e: e + 0.5 },
      { u: USER, t: 'replied' },
      [USER, 'replied', e],
      'replied',
      null,
    ];
    for (const shape of shapes) {
      const payload = b64(shape);
      await rejectsWith(`${payload}.${hmac(key, payload)}`, ErrorCode.InvalidToken);
    }
    const notJson = Buffer.from('{u: nope').toString('base64url');
    await rejectsWith(`${notJson}.${hmac(key, notJson)}`, ErrorCode.InvalidToken);
  });

  it('refuses garbage without touching anything', async () => {
    const garbage = ['', '.', 'abc', 'a.b.c', '..', 'not a token', 'eyJ1Ijoi.', '.c2ln', 'a+b/c=.d+e/f=', 'x'.repeat(5000)];
    for (const token of garbage) await rejectsWith(token, ErrorCode.InvalidToken);
    await rejectsWith(undefined as unknown as string, ErrorCode.InvalidToken);
  });
});
