import { Injectable } from '@nestjs/common';
import { badRequest, conflict, ErrorCode, forbidden, notFound } from '@app/core';
import { isUniqueViolation } from '@app/database';
import {
  AccessPolicy,
  ActorRepository,
  AuditedWrite,
  ScopeOwner,
  slugify,
  type Actor,
  type ScopeKey,
} from '@app/identity';
import { ForumPolicy } from '../policy';
import { presentSpace } from '../presenters';
import { SpaceRepository, type SpaceRecord, type SpaceSettings } from '../repositories';
import { SpaceAccess } from './space-access.service';

export interface SpaceInput {
  name: string;
  slug?: string;
  description?: string;
  scope: ScopeKey;
  parentId?: string | null;
  phase?: number | null;
  whoMayStart?: 'everyone' | 'facilitators';
  allowAnonymous?: boolean;
  slowModeSeconds?: number;
  firstPostsNeedApproval?: boolean;
}

@Injectable()
export class SpaceService {
  constructor(
    private readonly spaces: SpaceRepository,
    private readonly access: SpaceAccess,
    private readonly audited: AuditedWrite,
    private readonly scopes: ScopeOwner,
    private readonly actors: ActorRepository,
  ) {}

  private async assertMayManage(actor: Actor, scope: ScopeKey): Promise<void> {
    if (!AccessPolicy.can(actor, 'space.manage', await this.scopes.schoolOf(actor, scope))) throw forbidden();
  }

  /**
   * A space's settings and agreements: its own facilitators run it day to day; whoever manages spaces at its
   * scope may too. Choosing the facilitators stays with the managers.
   */
  private async assertMayRun(actor: Actor, space: SpaceRecord): Promise<void> {
    if (ForumPolicy.isFacilitator(actor, space)) return;
    await this.assertMayManage(actor, space.scopeKey);
  }

  async list(actor: Actor) {
    const spaces = await this.spaces.list(AccessPolicy.readableScopes(actor));
    return { items: spaces.map((space) => presentSpace(space, { userId: actor.userId })) };
  }

  async get(actor: Actor, id: string) {
    const space = await this.access.readableSpace(actor, id);
    const accepted = space.agreementVersion ? await this.spaces.acceptedVersion(id, actor.userId) : null;
    return presentSpace(space, { userId: actor.userId, acceptedAgreementVersion: accepted });
  }

  async create(actor: Actor, input: SpaceInput) {
    await this.assertMayManage(actor, input.scope);
    if (input.parentId) {
      const parent = await this.access.readableSpace(actor, input.parentId);
      if (parent.scopeKey !== input.scope)
        throw badRequest(ErrorCode.ValidationFailed, 'A sub-space must have the same scope as its parent');
    }
    const settings: SpaceSettings = {
      slug: input.slug ?? slugify(input.name),
      name: input.name.trim(),
      description: input.description?.trim() ?? '',
      scopeKey: input.scope,
      parentId: input.parentId ?? null,
      phase: input.phase ?? null,
      whoMayStart: input.whoMayStart ?? 'everyone',
      allowAnonymous: input.allowAnonymous ?? false,
      slowModeSeconds: input.slowModeSeconds ?? 0,
      firstPostsNeedApproval: input.firstPostsNeedApproval ?? false,
    };
    try {
      const id = await this.audited.run(
        (manager) => this.spaces.create(settings, manager),
        (spaceId) => ({ actorId: actor.userId, action: 'space.create', targetType: 'space', targetId: spaceId }),
      );
      return this.get(actor, id);
    } catch (error) {
      if (isUniqueViolation(error, 'space_slug_key')) throw conflict(ErrorCode.SlugTaken, 'Another space uses that slug');
      throw error;
    }
  }

  async update(actor: Actor, id: string, patch: Partial<Omit<SpaceInput, 'scope' | 'slug'>>) {
    const space = await this.access.readableSpace(actor, id);
    await this.assertMayRun(actor, space);
    await this.audited.run(
      (manager) =>
        this.spaces.update(id, { ...patch, name: patch.name?.trim(), description: patch.description?.trim() }, manager),
      () => ({ actorId: actor.userId, action: 'space.update', targetType: 'space', targetId: id, data: patch }),
    );
    return this.get(actor, id);
  }

  /** Facilitators must be able to read the space themselves. */
  async setFacilitators(actor: Actor, id: string, userIds: string[]) {
    const space = await this.access.readableSpace(actor, id);
    await this.assertMayManage(actor, space.scopeKey);
    for (const userId of userIds) {
      const facilitator = await this.actors.byUserId(userId);
      if (!facilitator) throw notFound('Person not found');
      if (!AccessPolicy.canRead(facilitator, space.scopeKey)) {
        throw badRequest(ErrorCode.ValidationFailed, 'A facilitator must be able to read the space');
      }
    }
    await this.audited.run(
      (manager) => this.spaces.setFacilitators(id, [...new Set(userIds)], manager),
      () => ({ actorId: actor.userId, action: 'space.facilitators', targetType: 'space', targetId: id, data: { userIds } }),
    );
    return this.get(actor, id);
  }

  async publishAgreement(actor: Actor, id: string, body: string) {
    const space = await this.access.readableSpace(actor, id);
    await this.assertMayRun(actor, space);
    const version = await this.audited.run(
      (manager) => this.spaces.addAgreementVersion(id, body.trim(), actor.userId, manager),
      (v) => ({
        actorId: actor.userId,
        action: 'space.agreement.publish',
        targetType: 'space',
        targetId: id,
        data: { version: v },
      }),
    );
    return this.agreement(actor, id, version);
  }

  async agreement(actor: Actor, id: string, _justPublished?: number) {
    await this.access.readableSpace(actor, id);
    const current = await this.spaces.currentAgreement(id);
    if (!current) throw notFound('This space has no community agreements');
    const accepted = await this.spaces.acceptedVersion(id, actor.userId);
    return {
      version: current.version,
      body: current.body,
      publishedAt: new Date(current.createdAt).toISOString(),
      acceptedVersion: accepted,
      accepted: accepted === current.version,
    };
  }

  /** Accepting names the version read, so accepting an outdated text never counts for a newer one. */
  async accept(actor: Actor, id: string, version: number) {
    await this.access.readableSpace(actor, id);
    const current = await this.spaces.currentAgreement(id);
    if (!current) throw notFound('This space has no community agreements');
    if (current.version !== version) {
      throw conflict(
        ErrorCode.AgreementOutdated,
        `The current agreements are version ${current.version}; read and accept that one`,
      );
    }
    const acceptedAt = await this.spaces.accept(id, actor.userId, version);
    return { version, acceptedAt: new Date(acceptedAt).toISOString() };
  }
}
