import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { badRequest, ErrorCode } from '@app/core';
import { AppSecretRepository } from './app-secret.repository';

const SECRET_NAME = 'unsubscribe';
const BASE64URL = /^[A-Za-z0-9_-]+$/;
// A real token is well under this; the cap keeps a hostile one from being decoded and hashed at all.
const MAX_TOKEN_LENGTH = 2048;
const DAY_SECONDS = 86_400;

interface TokenPayload {
  /** user id */
  u: string;
  /** topic: a notification kind or 'digest' */
  t: string;
  /** expiry, epoch seconds */
  e: number;
}

const invalid = () => badRequest(ErrorCode.InvalidToken, 'This link is not valid');

/**
 * Signed links that turn one kind of mail off without signing in (the footer link and RFC 8058 one-click).
 * Format: base64url(JSON {u, t, e}) + '.' + base64url(HMAC-SHA256 of the first part). Nothing is stored per token:
 * the signature and the expiry inside it are the whole proof.
 */
@Injectable()
export class UnsubscribeTokens {
  private secret: Promise<Buffer> | null = null;

  constructor(private readonly secrets: AppSecretRepository) {}

  async sign(userId: string, topic: string, now: Date, ttlDays = 90): Promise<string> {
    const payload: TokenPayload = { u: userId, t: topic, e: Math.floor(now.getTime() / 1000) + ttlDays * DAY_SECONDS };
    const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${encoded}.${await this.signature(encoded)}`;
  }

  /** Who and what the token is for; INVALID_TOKEN when it is malformed or forged, TOKEN_EXPIRED once past its expiry. */
  async verify(token: string, now: Date): Promise<{ userId: string; topic: string }> {
    if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) throw invalid();
    const parts = token.split('.');
    if (parts.length !== 2 || !BASE64URL.test(parts[0]) || !BASE64URL.test(parts[1])) throw invalid();
    const [encoded, given] = parts;
    // Compared as text, not as decoded bytes, so no second spelling of a valid signature is accepted either.
    const expected = Buffer.from(await this.signature(encoded));
    const actual = Buffer.from(given);
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw invalid();
    const payload = parsePayload(encoded);
    if (payload.e * 1000 <= now.getTime()) throw badRequest(ErrorCode.TokenExpired, 'This link has expired');
    return { userId: payload.u, topic: payload.t };
  }

  private async signature(encodedPayload: string): Promise<string> {
    return createHmac('sha256', await this.key())
      .update(encodedPayload)
      .digest('base64url');
  }

  private key(): Promise<Buffer> {
    this.secret ??= this.secrets
      .getOrCreate(SECRET_NAME, () => randomBytes(32).toString('base64url'))
      .then((value) => Buffer.from(value, 'base64url'))
      .catch((error: unknown) => {
        // Not cached: the next call asks the database again.
        this.secret = null;
        throw error;
      });
    return this.secret;
  }
}

/** Only reached with a valid signature, so a failure here means a token we signed wrongly or an old format. */
function parsePayload(encoded: string): TokenPayload {
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw invalid();
  const keys = Object.keys(data).sort();
  if (keys.length !== 3 || keys[0] !== 'e' || keys[1] !== 't' || keys[2] !== 'u') throw invalid();
  const { u, t, e } = data as Record<string, unknown>;
  if (typeof u !== 'string' || !u || typeof t !== 'string' || !t || typeof e !== 'number' || !Number.isSafeInteger(e)) {
    throw invalid();
  }
  return { u, t, e };
}
