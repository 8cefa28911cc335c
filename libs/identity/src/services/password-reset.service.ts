import { Injectable } from '@nestjs/common';
import { Clock, DomainError, ErrorCode, badRequest, hashToken, newSecretToken } from '@app/core';
import { DataSource } from 'typeorm';
import { AuditRepository, PasswordResetRepository, SessionRepository, UserRepository } from '../repositories';
import { IdentityMailEvents, type IdentityMail } from './identity-mail-events';
import { LoginThrottleService } from './login-throttle.service';
import { MIN_PASSWORD_LENGTH, PasswordHasher } from './password-hasher';
import { SessionEvents } from './session-events';

export const PASSWORD_RESET_TTL_MS = 60 * 60_000;
/** Beyond this many open links in an hour a request is quietly dropped: the inbox is not a target. */
export const MAX_OPEN_RESETS_PER_HOUR = 3;
const HOUR_MS = 60 * 60_000;
const RESET_PREFIX = 'pr_';

const invalidLink = () => badRequest(ErrorCode.ResetTokenInvalid, 'This reset link is not valid or has already been used');

/** Forgotten passwords: a one-hour, single-use link by email, then a new password that signs the person out everywhere. */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly resets: PasswordResetRepository,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly audit: AuditRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottleService,
    private readonly mailEvents: IdentityMailEvents,
    private readonly sessionEvents: SessionEvents,
    private readonly clock: Clock,
  ) {}

  /**
   * Sends a link when the address belongs to an active person. The caller learns nothing either way: unknown,
   * deactivated and over-the-limit addresses return exactly like a sent link (only the per-address throttle is a 429).
   */
  async request(email: string, address: string | null = null, now: Date = this.clock.now()): Promise<void> {
    await this.throttle.assertResetAllowed(address);
    await this.throttle.recordResetRequest(address);
    const mail = await this.dataSource.transaction(async (manager): Promise<IdentityMail | null> => {
      const user = await this.users.findByEmail(email.trim().toLowerCase(), manager);
      if (!user || user.status !== 'active') return null;
      await this.resets.lockPerson(user.id, manager);
      const recent = await this.resets.countOpenSince(user.id, new Date(now.getTime() - HOUR_MS), manager);
      if (recent >= MAX_OPEN_RESETS_PER_HOUR) return null;
      const token = newSecretToken(RESET_PREFIX);
      const expiresAt = new Date(now.getTime() + PASSWORD_RESET_TTL_MS);
      const resetId = await this.resets.create(
        { userId: user.id, tokenHash: hashToken(token), expiresAt, createdAt: now },
        manager,
      );
      await this.audit.record(
        { actorId: null, action: 'password_reset.request', targetType: 'user', targetId: user.id, data: { resetId } },
        manager,
      );
      return { type: 'password_reset', userId: user.id, email: user.email, displayName: user.displayName, token, expiresAt };
    });
    if (mail) this.mailEvents.publish(mail);
  }

  /** Sets the new password from a link, once; every session and API token of the person ends with it. */
  async confirm(token: string, newPassword: string): Promise<void> {
    if (newPassword.length < MIN_PASSWORD_LENGTH) {
      throw badRequest(ErrorCode.WeakPassword, `Use at least ${MIN_PASSWORD_LENGTH} characters`, [
        { field: 'password', message: `password must be at least ${MIN_PASSWORD_LENGTH} characters` },
      ]);
    }
    const tokenHash = hashToken(token);
    // A cheap look first: an unknown link should not cost an argon2 hash.
    this.assertUsable(await this.resets.findByTokenHash(tokenHash), this.clock.now());
    // Hash before the transaction: argon2 is slow and must not hold the row lock.
    const passwordHash = await this.hasher.hash(newPassword);
    const { userId, email } = await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const reset = await this.resets.findByTokenHash(tokenHash, manager);
      this.assertUsable(reset, now);
      await this.users.setPasswordHash(reset.userId, passwordHash, manager);
      await this.resets.markOpenUsed(reset.userId, now, manager);
      await this.sessions.revokeAllOf(reset.userId, now, undefined, manager);
      await this.sessions.revokeAllApiTokensOf(reset.userId, now, manager);
      await this.audit.record(
        {
          actorId: reset.userId,
          action: 'password_reset.confirm',
          targetType: 'user',
          targetId: reset.userId,
          data: { resetId: reset.id },
        },
        manager,
      );
      return reset;
    });
    this.sessionEvents.publish({ type: 'person.sessions.ended', userId, exceptSessionId: null });
    // Whoever holds the link owns the mailbox: earlier failed sign-ins should not keep them out now.
    await this.throttle.recordSuccess(email);
  }

  private assertUsable<T extends { expiresAt: Date; usedAt: Date | null; userActive: boolean }>(
    reset: T | null,
    now: Date,
  ): asserts reset is T {
    if (!reset || reset.usedAt || !reset.userActive) throw invalidLink();
    if (reset.expiresAt <= now) {
      throw new DomainError(ErrorCode.ResetTokenExpired, 400, 'This reset link has expired; ask for a new one');
    }
  }
}
