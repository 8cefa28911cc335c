import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, Clock, rateLimited, type AppConfig } from '@app/core';
import { LoginThrottleRepository } from '../repositories';

/** Counts failed sign-ins per account and per address, and reset requests per address, over a sliding window. */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly failures: LoginThrottleRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private subjects(email: string, address: string | null) {
    return { account: `account:${email.toLowerCase()}`, address: address ? `address:${address}` : null };
  }

  /** Throws 429 with Retry-After when either limit is already used up. */
  async assertAllowed(email: string, address: string | null): Promise<void> {
    const { perAccount, perAddress } = this.config.loginRateLimit;
    const { account, address: addressKey } = this.subjects(email, address);
    await this.assertUnder([
      { key: account, limit: perAccount },
      ...(addressKey ? [{ key: addressKey, limit: perAddress }] : []),
    ]);
  }

  /**
   * Password-reset requests from one address share the sign-in window and per-address limit, under their own
   * subject: asking for links never locks anyone out of signing in, and failed sign-ins never block a reset.
   */
  async assertResetAllowed(address: string | null): Promise<void> {
    if (address) await this.assertUnder([{ key: `reset:${address}`, limit: this.config.loginRateLimit.perAddress }]);
  }

  async recordResetRequest(address: string | null): Promise<void> {
    if (address) await this.failures.record([`reset:${address}`], this.clock.now());
  }

  private async assertUnder(limits: { key: string; limit: number }[]): Promise<void> {
    const { windowSeconds } = this.config.loginRateLimit;
    const now = this.clock.now();
    const counts = await this.failures.failuresSince(
      limits.map(({ key }) => key),
      new Date(now.getTime() - windowSeconds * 1000),
    );
    const over = limits.filter(({ key, limit }) => (counts.get(key)?.count ?? 0) >= limit);
    if (over.length === 0) return;
    const retryAfter = Math.max(
      ...over.map(({ key }) => Math.ceil((counts.get(key)!.oldest.getTime() + windowSeconds * 1000 - now.getTime()) / 1000)),
    );
    throw rateLimited(Math.max(1, retryAfter));
  }

  async recordFailure(email: string, address: string | null): Promise<void> {
    const { account, address: addressKey } = this.subjects(email, address);
    await this.failures.record(addressKey ? [account, addressKey] : [account], this.clock.now());
  }

  async recordSuccess(email: string): Promise<void> {
    await this.failures.clear(this.subjects(email, null).account);
  }
}
