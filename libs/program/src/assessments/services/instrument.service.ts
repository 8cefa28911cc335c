import { Injectable } from '@nestjs/common';
import { badRequest, Clock, conflict, ErrorCode, forbidden, notFound } from '@app/core';
import type { Actor } from '@app/identity';
import { normaliseSections, publishProblems, type InstrumentKind, type InstrumentSection } from '../model/instrument-model';
import { AssessmentPolicy } from '../policy/assessment-policy';
import { presentInstrument, presentVersion } from '../presenters';
import { InstrumentRepository, isFrozenByTrigger, type InstrumentRecord, type VersionRecord } from '../repositories';

const frozen = () => conflict(ErrorCode.AssessmentVersionFrozen, 'Only a draft version can change; make a new version instead');

/**
 * Readiness instruments and their versions. The consortium's admins build them; every signed-in member reads the
 * published version. A version is a draft until published, then frozen (the database refuses a change as well).
 */
@Injectable()
export class InstrumentService {
  constructor(
    private readonly instruments: InstrumentRepository,
    private readonly clock: Clock,
  ) {}

  /** An instrument the actor may read: managers see all; members only one with a published version. */
  private async readable(
    actor: Actor,
    id: string,
  ): Promise<{ instrument: InstrumentRecord; versions: VersionRecord[]; manager: boolean }> {
    const manager = AssessmentPolicy.canManageInstruments(actor);
    const instrument = await this.instruments.findById(id);
    const versions = instrument ? await this.instruments.versionsOf([id]) : [];
    if (!instrument || (!manager && !versions.some((v) => v.status === 'published'))) throw notFound();
    return { instrument, versions, manager };
  }

  /** Members who can read the instrument are refused (403); to everyone else a hidden one does not exist. */
  private async manageable(actor: Actor, id: string): Promise<InstrumentRecord> {
    const { instrument, manager } = await this.readable(actor, id);
    if (!manager) throw forbidden('Only consortium admins change instruments');
    return instrument;
  }

  private async manageableVersion(actor: Actor, id: string, version: number): Promise<VersionRecord> {
    await this.manageable(actor, id);
    const found = await this.instruments.findVersion(id, version);
    if (!found) throw notFound();
    return found;
  }

  async list(actor: Actor, query: { kind?: InstrumentKind }) {
    const manager = AssessmentPolicy.canManageInstruments(actor);
    const instruments = await this.instruments.list(query.kind);
    const versions = await this.instruments.versionsOf(instruments.map((i) => i.id));
    const items = instruments
      .map((i) => ({ instrument: i, versions: versions.filter((v) => v.instrumentId === i.id) }))
      .filter(({ versions: vs }) => manager || vs.some((v) => v.status === 'published'))
      .map(({ instrument, versions: vs }) => presentInstrument(instrument, vs, manager, false));
    return { items };
  }

  async get(actor: Actor, id: string) {
    const { instrument, versions, manager } = await this.readable(actor, id);
    return presentInstrument(instrument, versions, manager, true);
  }

  async create(actor: Actor, input: { kind: InstrumentKind; title: string; description?: string }) {
    if (!AssessmentPolicy.canManageInstruments(actor)) throw forbidden('Only consortium admins make instruments');
    const id = await this.instruments.create({
      kind: input.kind,
      title: input.title.trim(),
      description: (input.description ?? '').trim(),
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, patch: { title?: string; description?: string }) {
    await this.manageable(actor, id);
    await this.instruments.update(id, { title: patch.title?.trim(), description: patch.description?.trim() });
    return this.get(actor, id);
  }

  async saveDraft(actor: Actor, id: string, version: number, sections: InstrumentSection[]) {
    const found = await this.manageableVersion(actor, id, version);
    if (found.status !== 'draft') throw frozen();
    try {
      if (!(await this.instruments.saveDraft(found.id, normaliseSections(sections)))) throw frozen();
    } catch (error) {
      throw isFrozenByTrigger(error) ? frozen() : error;
    }
    return presentVersion((await this.instruments.findVersionById(found.id))!);
  }

  /** Publishes a valid draft; the version published before it is retired in the same transaction. */
  async publish(actor: Actor, id: string, version: number) {
    const found = await this.manageableVersion(actor, id, version);
    if (found.status !== 'draft') throw frozen();
    const problems = publishProblems(found.sections);
    if (problems.length) throw badRequest(ErrorCode.AssessmentVersionInvalid, 'This version cannot be published yet', problems);
    if (!(await this.instruments.publish(id, found.id, this.clock.now()))) throw frozen();
    return this.get(actor, id);
  }

  /** A new draft that starts as a copy of the latest version; one draft at a time. */
  async newVersion(actor: Actor, id: string) {
    await this.manageable(actor, id);
    const next = await this.instruments.newDraft(id);
    if (next === null) throw conflict(ErrorCode.AssessmentDraftExists, 'This instrument already has a draft version');
    return presentVersion((await this.instruments.findVersion(id, next))!);
  }

  /** Takes the published version out of use; its responses stay and count in results. */
  async retire(actor: Actor, id: string, version: number) {
    const found = await this.manageableVersion(actor, id, version);
    if (found.status !== 'published' || !(await this.instruments.retire(found.id, this.clock.now()))) {
      throw conflict(ErrorCode.InvalidTransition, 'Only the published version can be retired');
    }
    return this.get(actor, id);
  }
}
