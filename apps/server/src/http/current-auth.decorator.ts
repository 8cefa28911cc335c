import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { DomainError, ErrorCode } from '@app/core';
import type { Actor, Authenticated } from '@app/identity';
import type { FastifyRequest } from 'fastify';

export type AuthedRequest = FastifyRequest & { auth?: Authenticated };

const authOf = (context: ExecutionContext): Authenticated => {
  const auth = context.switchToHttp().getRequest<AuthedRequest>().auth;
  if (!auth) throw new DomainError(ErrorCode.Unauthenticated, 401, 'Sign in first');
  return auth;
};

/** The signed-in person, as the access policy sees them. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => authOf(context).actor);
export const CurrentAuth = createParamDecorator((_: unknown, context: ExecutionContext): Authenticated => authOf(context));
