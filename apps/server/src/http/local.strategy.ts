import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { AuthService } from '@app/identity';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';
import { validateBody } from './validate-body';
import { LoginDto } from '../dto/auth.dto';

/** passport-local checks email and password; the session itself is opened by the controller. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true, session: false });
  }

  async validate(request: FastifyRequest, email: string, password: string): Promise<{ userId: string }> {
    // Guards run before pipes, so the body's shape is checked here before any credential work.
    await validateBody(LoginDto, request.body);
    const userId = await this.auth.verifyCredentials(email, password, {
      ip: request.ip ?? null,
      userAgent: request.headers['user-agent'] ?? null,
    });
    return { userId };
  }
}
