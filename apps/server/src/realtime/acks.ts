import { DomainError, ErrorCode } from '@app/core';

export type Ack<T = object> = ({ ok: true } & T) | { ok: false; code: string; message: string; retryAfter?: number };

export const failure = (code: ErrorCode, message: string): Ack => ({ ok: false, code, message });

/**
 * Runs a socket event's work and answers with an acknowledgement: a rule's failure becomes its stable code
 * (the same codes as HTTP); anything unexpected becomes INTERNAL_ERROR without details, and the socket lives on.
 */
export async function acknowledge<T extends object>(work: () => Promise<T>, onUnexpected: (error: unknown) => void): Promise<Ack<T>> {
  try {
    return { ok: true, ...(await work()) };
  } catch (error) {
    if (error instanceof DomainError) {
      const retryAfter = error.headers?.['retry-after'];
      return { ok: false, code: error.code, message: error.message, ...(retryAfter ? { retryAfter: Number(retryAfter) } : {}) };
    }
    onUnexpected(error);
    return { ok: false, code: ErrorCode.Internal, message: 'Something went wrong' };
  }
}
