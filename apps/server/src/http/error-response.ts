import { HttpException } from '@nestjs/common';
import { DomainError, ErrorCode, type ErrorDetail } from '@app/core';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  requestId?: string;
  details?: ErrorDetail[];
}

export interface MappedError {
  body: ErrorBody;
  headers: Record<string, string>;
  /** Unknown failures are logged with their stack; expected ones are not. */
  unexpected: boolean;
}

/** Fastify's own request errors (body parsing, limits) by their code. */
const FASTIFY_CODES: Record<string, { status: number; code: ErrorCode; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: ErrorCode.PayloadTooLarge, message: 'The request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: ErrorCode.UnsupportedMediaType,
    message: 'Send JSON (Content-Type: application/json)',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: ErrorCode.MalformedJson, message: 'The request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: ErrorCode.MalformedJson, message: 'The JSON body is empty' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: ErrorCode.MalformedJson,
    message: 'Content-Length does not match the body',
  },
};

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.RouteNotFound,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  429: ErrorCode.RateLimited,
};

/** One mapping from anything thrown to the public error shape; never exposes a stack or SQL. */
export function mapError(error: unknown, requestId: string | undefined): MappedError {
  if (error instanceof DomainError) {
    return {
      body: {
        statusCode: error.status,
        code: error.code,
        message: error.message,
        requestId,
        ...(error.details ? { details: error.details } : {}),
      },
      headers: error.headers ?? {},
      unexpected: false,
    };
  }
  // Nest wraps Fastify's own errors in an HttpException whose cause keeps Fastify's code.
  const fastifyCode = (error as { code?: string })?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
  const known = fastifyCode ? FASTIFY_CODES[fastifyCode] : undefined;
  if (known) {
    return {
      body: { statusCode: known.status, code: known.code, message: known.message, requestId },
      headers: {},
      unexpected: false,
    };
  }
  if (error instanceof SyntaxError && (error as { statusCode?: number }).statusCode === 400) {
    return {
      body: { statusCode: 400, code: ErrorCode.MalformedJson, message: 'The request body is not valid JSON', requestId },
      headers: {},
      unexpected: false,
    };
  }
  if (error instanceof HttpException && error.getStatus() < 500) {
    const status = error.getStatus();
    const code = HTTP_STATUS_CODES[status] ?? ErrorCode.ValidationFailed;
    const message = status === 404 ? 'No such route' : error.message;
    return { body: { statusCode: status, code, message, requestId }, headers: {}, unexpected: false };
  }
  return {
    body: {
      statusCode: 500,
      code: ErrorCode.Internal,
      message: 'Something went wrong on our side; quote the request id if you report it',
      requestId,
    },
    headers: {},
    unexpected: true,
  };
}
