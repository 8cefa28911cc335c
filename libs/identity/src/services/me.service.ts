import { SessionEvents } from './session-events';
import { Injectable } from '@nestjs/common';
import { Clock, DomainError, ErrorCode, hashToken, notFound } from '@app/core';
import { DataSource } from 'typeorm';
import type { Actor } from '../policy';
import { presentMe, type MeView } from '../presenters';
import { SessionRepository, UserRepository, type ProfilePatch } from '../repositories';
import { PasswordHasher } from './password-hasher';
import { AuthService } from './auth.service';

@Injectable()
export class MeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly auth: AuthService,
    private readonly clock: Clock,
    private readonly sessionEvents: SessionEvents,
  ) {}

  async me(actor: Actor): Promise<MeView> {
    const profile = await this.users.profile(actor.userId);
    if (!profile) throw notFound();
    return presentMe(profile, actor);
  }

  async updateProfile(actor: Actor, patch: ProfilePatch): Promise<MeView> {
    await this.users.updateProfile(actor.userId, normaliseProfile(patch));
    return this.me(actor);
  }

  /** A changed password ends every other session and API token: whoever had the old one is out at once. */
  async changePassword(actor: Actor, currentSessionId: string | null, current: string, next: string): Promise<void> {
    const existing = await this.users.passwordHashOf(actor.userId);
    if (!(await this.hasher.verify(existing, current))) {
      throw new DomainError(ErrorCode.WrongPassword, 400, 'The current password is not correct');
    }
    const hashed = await this.hasher.hash(next);
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      await this.users.setPasswordHash(actor.userId, hashed, manager);
      await this.sessions.revokeAllOf(actor.userId, now, currentSessionId ?? undefined, manager);
      await this.sessions.revokeAllApiTokensOf(actor.userId, now, manager);
    });
    this.sessionEvents.publish({ type: 'person.sessions.ended', userId: actor.userId, exceptSessionId: currentSessionId });
  }

  async listTokens(actor: Actor) {
    const tokens = await this.sessions.listApiTokens(actor.userId);
    return {
      items: tokens.map((t) => ({
        id: t.id,
        name: t.name,
        createdAt: t.createdAt.toISOString(),
        lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
      })),
    };
  }

  async createToken(actor: Actor, name: string) {
    const token = this.auth.newApiTokenSecret();
    const saved = await this.sessions.createApiToken({ userId: actor.userId, name: name.trim(), tokenHash: hashToken(token) });
    return { id: saved.id, name: saved.name, createdAt: saved.createdAt.toISOString(), token };
  }

  async revokeToken(actor: Actor, tokenId: string): Promise<void> {
    if (!(await this.sessions.revokeApiToken(actor.userId, tokenId, this.clock.now()))) throw notFound();
  }
}

/** Trims text and tidies the expertise list (no blanks, no duplicates, at most 20). */
export function normaliseProfile(patch: ProfilePatch): ProfilePatch {
  const out: ProfilePatch = { ...patch };
  if (out.displayName !== undefined) out.displayName = out.displayName.trim();
  if (out.pronouns !== undefined) out.pronouns = out.pronouns.trim();
  if (out.bio !== undefined) out.bio = out.bio.trim();
  if (out.expertise !== undefined) {
    const seen = new Set<string>();
    out.expertise = out.expertise
      .map((e) => e.trim())
      .filter((e) => e && !seen.has(e.toLowerCase()) && seen.add(e.toLowerCase()))
      .slice(0, 20);
  }
  return out;
}
