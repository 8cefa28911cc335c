import { Injectable, type ExecutionContext } from '@nestjs/common';
import { AuthGuard as PassportGuard } from '@nestjs/passport';
import { badRequest, DomainError, ErrorCode } from '@app/core';

@Injectable()
export class LocalAuthGuard extends PassportGuard('local') {
  // Keep our domain errors (401 INVALID_CREDENTIALS, 429, 400) instead of passport's generic 401.
  override handleRequest<T>(error: unknown, user: T, _info: unknown, _context: ExecutionContext, status?: unknown): T {
    if (error) throw error;
    if (!user && status === 400) {
      throw badRequest(ErrorCode.ValidationFailed, 'email and password are required', [
        { field: 'email', message: 'required' },
        { field: 'password', message: 'required' },
      ]);
    }
    if (!user) throw new DomainError(ErrorCode.InvalidCredentials, 401, 'Email or password is not correct');
    return user;
  }
}
