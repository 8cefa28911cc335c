import { Injectable } from '@nestjs/common';
import { conflict, ErrorCode, forbidden, notFound } from '@app/core';
import { isUniqueViolation } from '@app/database';
import { AccessPolicy, type Actor } from '../policy';
import { presentInstitution } from '../presenters';
import { InstitutionRepository } from '../repositories';
import { AuditedWrite } from './audited-write';

export const slugify = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'school';

@Injectable()
export class InstitutionService {
  constructor(
    private readonly institutions: InstitutionRepository,
    private readonly audited: AuditedWrite,
  ) {}

  async list(actor: Actor) {
    if (!AccessPolicy.canSeeInstitution(actor)) throw notFound();
    return { items: (await this.institutions.listWithCounts()).map(presentInstitution) };
  }

  async get(actor: Actor, id: string) {
    const institution = AccessPolicy.canSeeInstitution(actor) ? await this.institutions.findById(id) : null;
    if (!institution) throw notFound();
    return presentInstitution(institution);
  }

  async create(actor: Actor, input: { name: string; slug?: string; description?: string }) {
    if (!AccessPolicy.can(actor, 'institution.create', null)) throw forbidden();
    try {
      const created = await this.audited.run(
        (manager) =>
          this.institutions.create(
            {
              name: input.name.trim(),
              slug: input.slug ?? slugify(input.name),
              description: input.description?.trim() ?? '',
            },
            manager,
          ),
        (row) => ({ actorId: actor.userId, action: 'institution.create', targetType: 'institution', targetId: row.id }),
      );
      return presentInstitution(created);
    } catch (error) {
      if (isUniqueViolation(error, 'institution_slug_key')) throw conflict(ErrorCode.SlugTaken, 'Another school uses that slug');
      if (isUniqueViolation(error, 'institution_name_key')) throw conflict(ErrorCode.NameTaken, 'Another school has that name');
      throw error;
    }
  }

  async update(actor: Actor, id: string, patch: { name?: string; description?: string; namedToPeers?: boolean }) {
    const institution = await this.institutions.findById(id);
    if (!institution) throw notFound();
    if (!AccessPolicy.can(actor, 'institution.update', id)) throw forbidden();
    try {
      await this.audited.run(
        (manager) => this.institutions.update(id, { name: patch.name?.trim(), description: patch.description?.trim(), namedToPeers: patch.namedToPeers }, manager),
        () => ({ actorId: actor.userId, action: 'institution.update', targetType: 'institution', targetId: id }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'institution_name_key')) throw conflict(ErrorCode.NameTaken, 'Another school has that name');
      throw error;
    }
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const institution = await this.institutions.findById(id);
    if (!institution) throw notFound();
    if (!AccessPolicy.can(actor, 'institution.delete', id)) throw forbidden();
    if (await this.institutions.hasDependents(id)) {
      throw conflict(ErrorCode.NotEmpty, 'The school still has people, cohorts or groups; move or remove them first');
    }
    await this.audited.run(
      (manager) => this.institutions.delete(id, manager),
      () => ({ actorId: actor.userId, action: 'institution.delete', targetType: 'institution', targetId: id }),
    );
  }
}
