import { randomBytes, randomUUID, createHash } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
export const newId = (): string => randomUUID();

/** A secret for a link or cookie: 256 bits, URL-safe. Only its hash is ever stored. */
export const newSecretToken = (prefix = ''): string => prefix + randomBytes(32).toString('base64url');
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
