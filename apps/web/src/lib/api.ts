import type { Page } from './types';

const BASE = '/api/v1';

export interface ErrorDetail {
  field: string;
  message: string;
}

/** The server's error shape, plus what the client needs to explain it (Retry-After, network loss). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly retryAfterSeconds: number | null = null,
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field name → message, for showing validation errors beside the inputs they belong to. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const d of this.details) if (d.field && !out[d.field]) out[d.field] = d.message;
    return out;
  }
}

type Query = Record<string, string | number | boolean | null | undefined>;

/** Drops empty values so the server's validators never see `?school=`. */
export function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

let onUnauthenticated: (() => void) | null = null;

/** Lets the session store react when a session ends underneath a page (expiry, sign-out elsewhere). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  // The CSRF header goes on every request, reads included, so no call can forget it.
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Requested-With': 'art-commons' };
  // No Content-Type without a body: the server rejects an empty JSON body.
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', 'We could not reach ART Commons. Check your connection and try again.');
  }
  if (response.status === 204) return undefined as T;
  const payload = await readJson(response);
  if (response.ok) return payload as T;
  const error = toApiError(response, payload);
  if (error.code === 'UNAUTHENTICATED' && onUnauthenticated) onUnauthenticated();
  throw error;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function toApiError(response: Response, payload: unknown): ApiError {
  const body = (payload && typeof payload === 'object' ? payload : {}) as {
    code?: unknown;
    message?: unknown;
    details?: unknown;
    requestId?: unknown;
  };
  const retry = retryAfterSeconds(response.headers.get('Retry-After'));
  const code = typeof body.code === 'string' ? body.code : `HTTP_${response.status}`;
  const message = typeof body.message === 'string' && body.message ? body.message : fallbackMessage(response.status);
  const details = Array.isArray(body.details)
    ? body.details.filter((d): d is ErrorDetail => !!d && typeof d === 'object' && typeof (d as ErrorDetail).message === 'string')
    : [];
  return new ApiError(
    response.status,
    code,
    message,
    details,
    retry,
    typeof body.requestId === 'string' ? body.requestId : null,
  );
}

/** Retry-After may be seconds or an HTTP date (RFC 9110); both become whole seconds from now. */
function retryAfterSeconds(header: string | null): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number.parseInt(header, 10);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

function fallbackMessage(status: number): string {
  if (status >= 500) return 'Something went wrong on our side. Please try again in a moment.';
  if (status === 404) return 'We could not find that.';
  if (status === 403) return 'You do not have access to do that.';
  return 'The request could not be completed.';
}

/** Words for a person, not a developer; the server's message is used unless the client knows better. */
export function describeError(error: unknown): string {
  if (typeof error === 'string') return error;
  if (!(error instanceof ApiError)) return 'Something unexpected happened. Please try again.';
  if (error.code === 'RATE_LIMITED') {
    const wait = error.retryAfterSeconds;
    return wait && wait > 0
      ? `Too many attempts. Please wait ${formatWait(wait)} before trying again.`
      : 'Too many attempts. Please wait a little before trying again.';
  }
  if (error.code === 'UNAUTHENTICATED') return 'Your session has ended. Please sign in again.';
  if (error.code === 'CSRF_HEADER_MISSING') return 'The request was blocked for your safety. Reload the page and try again.';
  return error.message;
}

function formatWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes (${seconds} seconds)`;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path + queryString(query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
  delete: (path: string) => request<void>('DELETE', path),
};

/** Accepts either a cursor page or a bare array, so a list endpoint changing shape does not blank a page. */
export function itemsOf<T>(result: Page<T> | T[] | null | undefined): T[] {
  if (!result) return [];
  return Array.isArray(result) ? result : (result.items ?? []);
}
