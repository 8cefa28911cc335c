import { Injectable } from '@nestjs/common';
import { forbidden, notFound } from '@app/core';
import { AccessPolicy, ActorRepository, ScopeOwner, type Actor, type ScopeKey } from '@app/identity';
import { KnowledgePolicy } from '../policy';
import { presentArticleSummary } from '../presenters';
import { ArticleListRepository, CurationRepository } from '../repositories';
import { ArticleAccess } from './article-access.service';

/** The cycle dashboard, who contributes, and how many approvals publishing takes per scope. */
@Injectable()
export class CurationService {
  constructor(
    private readonly lists: ArticleListRepository,
    private readonly curation: CurationRepository,
    private readonly access: ArticleAccess,
    private readonly actors: ActorRepository,
    private readonly scopeOwner: ScopeOwner,
  ) {}

  /** Curators and contributors: the figures over every article they may see. */
  async dashboard(actor: Actor) {
    const curates = KnowledgePolicy.curatedScopes(actor);
    const contributor = (await this.curation.contributorsAmong([actor.userId])).has(actor.userId);
    if (!curates.everything && curates.keys.length === 0 && !contributor) throw forbidden('The cycle dashboard is for curators and contributors');
    const reader = this.access.reader(actor);
    const [stages, overdue, applied, viewed, idle] = await Promise.all([
      this.lists.stageCounts(reader),
      this.lists.overdueByOwner(reader),
      this.lists.top(reader, 'applied'),
      this.lists.top(reader, 'viewed'),
      this.lists.top(reader, 'idle'),
    ]);
    return {
      stages,
      overdueByOwner: overdue.map((o) => ({
        owner: { id: o.ownerId, displayName: o.ownerName, former: o.ownerGone },
        overdue: o.overdue,
        oldestDueAt: new Date(o.oldestDueAt).toISOString(),
      })),
      mostApplied: applied.map((a) => presentArticleSummary(a)),
      mostViewed: viewed.map((a) => presentArticleSummary(a)),
      noViewsIn90Days: idle.map((a) => presentArticleSummary(a)),
    };
  }

  /** Contributors the caller administers: all for admins and facilitators, their school's for a school lead. */
  async contributors(actor: Actor) {
    const school = this.administeredSchool(actor);
    return { items: (await this.curation.contributors(school)).map((c) => ({ ...c, grantedAt: new Date(c.grantedAt).toISOString() })) };
  }

  async setContributor(actor: Actor, userId: string, contributor: boolean) {
    const person = await this.actors.byUserId(userId);
    if (!person) throw notFound();
    // Facilitators and admins name contributors anywhere; a school's leads among their own people.
    if (!AccessPolicy.can(actor, 'knowledge.curate', null) && !AccessPolicy.can(actor, 'member.manage', person.institutionId)) {
      throw forbidden('Only admins, facilitators and the person’s school leads name contributors');
    }
    if (contributor) await this.curation.grant(userId, actor.userId);
    else await this.curation.revoke(userId);
    return { userId, contributor };
  }

  async settings(actor: Actor, scope: ScopeKey) {
    await this.scopeOwner.schoolOf(actor, scope);
    if (!AccessPolicy.canRead(actor, scope)) throw notFound();
    return { scope, approvalsRequired: await this.curation.approvalsRequired(scope) };
  }

  async setApprovalsRequired(actor: Actor, scope: ScopeKey, approvals: number) {
    await this.scopeOwner.schoolOf(actor, scope);
    if (!AccessPolicy.canRead(actor, scope)) throw notFound();
    if (!KnowledgePolicy.isCurator(actor, scope)) throw forbidden('Only the scope’s curators set how many approvals publishing takes');
    await this.curation.setApprovalsRequired(scope, approvals);
    return { scope, approvalsRequired: approvals };
  }

  private administeredSchool(actor: Actor): string | null {
    if (AccessPolicy.can(actor, 'knowledge.curate', null)) return null;
    if (actor.institutionId && AccessPolicy.can(actor, 'member.manage', actor.institutionId)) return actor.institutionId;
    throw forbidden('Only admins, facilitators and school leads manage contributors');
  }
}
