import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, Clock, DomainError, ErrorCode, hashToken, newSecretToken, type AppConfig } from '@app/core';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../policy';
import { ActorRepository, SessionRepository, UserRepository } from '../repositories';
import { SessionEvents } from './session-events';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export interface Authenticated {
  actor: Actor;
  /** Null when the request came with an API token rather than a session cookie. */
  sessionId: string | null;
}

const SESSION_PREFIX = 'as_';
const API_TOKEN_PREFIX = 'at_';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly users: UserRepository,
    private readonly actors: ActorRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottleService,
    private readonly clock: Clock,
    private readonly sessionEvents: SessionEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checks a password; used by the passport-local strategy. Same answer and similar time for every kind of miss. */
  async verifyCredentials(email: string, password: string, client: ClientInfo): Promise<string> {
    await this.throttle.assertAllowed(email, client.ip);
    const credentials = await this.users.findCredentials(email);
    const ok = await this.hasher.verify(credentials?.passwordHash ?? null, password);
    if (!credentials || !ok || credentials.status !== 'active') {
      await this.throttle.recordFailure(email, client.ip);
      this.logger.warn({ event: 'login.failed' }, 'sign-in failed');
      throw new DomainError(ErrorCode.InvalidCredentials, 401, 'Email or password is not correct');
    }
    await this.throttle.recordSuccess(email);
    return credentials.id;
  }

  /** Opens a session and returns the cookie token; only its hash is stored. */
  async openSession(userId: string, client: ClientInfo, manager?: EntityManager): Promise<string> {
    const token = newSecretToken(SESSION_PREFIX);
    const expiresAt = new Date(this.clock.now().getTime() + this.config.sessionTtlDays * 86_400_000);
    await this.sessions.create(
      { userId, tokenHash: hashToken(token), expiresAt, ip: client.ip, userAgent: client.userAgent?.slice(0, 400) ?? null },
      manager,
    );
    return token;
  }

  async closeSession(sessionId: string): Promise<void> {
    await this.sessions.revoke(sessionId, this.clock.now());
    this.sessionEvents.publish({ type: 'session.ended', sessionId });
  }

  async fromSessionToken(token: string): Promise<Authenticated | null> {
    if (!token.startsWith(SESSION_PREFIX)) return null;
    return this.actors.bySessionTokenHash(hashToken(token), this.clock.now());
  }

  async fromApiToken(token: string): Promise<Authenticated | null> {
    if (!token.startsWith(API_TOKEN_PREFIX)) return null;
    const actor = await this.actors.byApiTokenHash(hashToken(token));
    return actor ? { actor, sessionId: null } : null;
  }

  newApiTokenSecret(): string {
    return newSecretToken(API_TOKEN_PREFIX);
  }

  get sessionTtlSeconds(): number {
    return this.config.sessionTtlDays * 86_400;
  }
}
