import { Injectable } from '@nestjs/common';
import { conflict, ErrorCode, notFound } from '@app/core';
import type { Actor } from '@app/identity';
import { ArticleService } from '@app/knowledge';
import { DataSource } from 'typeorm';
import type { CalendarDate } from '../model';
import { presentLogEntry } from '../presenters';
import { LogEntryRepository, SchoolRepository, type LogEntryRecord, type TargetRecord } from '../repositories';
import { ChangeAccess } from './change-access.service';

/** Implementing and sustaining change is phase 5: where wins are celebrated and corrections written down. */
const STORY_PHASE = 5;

/** Short-term wins and course corrections, and sharing one with the consortium as a value-creation story. */
@Injectable()
export class LogEntryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ChangeAccess,
    private readonly entries: LogEntryRepository,
    private readonly schools: SchoolRepository,
    private readonly articles: ArticleService,
  ) {}

  async addWin(actor: Actor, targetId: string, input: { happenedOn: CalendarDate; title: string; body: string }) {
    await this.access.writableTarget(actor, targetId);
    const id = await this.entries.create(targetId, { kind: 'win', happenedOn: input.happenedOn, title: input.title.trim(), body: input.body.trim(), reason: '' }, actor.userId);
    return presentLogEntry((await this.entries.findById(id))!);
  }

  /** A correction says what changed in the plan (`body`) and why (`reason`). */
  async addCorrection(actor: Actor, targetId: string, input: { happenedOn: CalendarDate; title: string; body: string; reason: string }) {
    await this.access.writableTarget(actor, targetId);
    const id = await this.entries.create(
      targetId,
      { kind: 'correction', happenedOn: input.happenedOn, title: input.title.trim(), body: input.body.trim(), reason: input.reason.trim() },
      actor.userId,
    );
    return presentLogEntry((await this.entries.findById(id))!);
  }

  async remove(actor: Actor, entryId: string): Promise<void> {
    await this.access.writablePart(actor, await this.entries.findById(entryId));
    await this.entries.delete(entryId);
  }

  /**
   * Makes a knowledge-base draft (a value-creation story, consortium-wide, owned by the person sharing) from the
   * entry, and remembers it on the entry. The entry's row stays locked meanwhile, so sharing twice at once makes one
   * draft and one 409. The school is named only when the person asks for it.
   */
  async share(actor: Actor, entryId: string, options: { nameSchool?: boolean }) {
    const { part: found, target } = await this.access.writablePart(actor, await this.entries.findById(entryId));
    if (found.sharedArticleId) throw alreadyShared();
    const schoolName = options.nameSchool ? (await this.schools.findSchool(target.institutionId))?.name ?? null : null;
    const article = await this.dataSource.transaction(async (manager) => {
      const entry = await this.entries.findById(entryId, manager, { lock: true });
      if (!entry) throw notFound();
      if (entry.sharedArticleId) throw alreadyShared();
      const draft = await this.articles.create(actor, {
        title: entry.title,
        summary: storySummary(entry, target),
        body: storyBody(entry, target, schoolName),
        type: 'value_story',
        phases: [STORY_PHASE],
        scope: 'consortium',
      });
      await this.entries.markShared(entryId, draft.id, manager);
      return draft;
    });
    return {
      entry: presentLogEntry((await this.entries.findById(entryId))!),
      article: { id: article.id, title: article.title, stage: article.stage, href: `/knowledge/a/${article.id}` },
    };
  }
}

const alreadyShared = () => conflict(ErrorCode.ChangeAlreadyShared, 'This entry was already shared as a story');

const noBrackets = (text: string) => text.replace(/[[\]]/g, '');

function storySummary(entry: LogEntryRecord, target: TargetRecord): string {
  const what = entry.kind === 'win' ? 'A short-term win' : 'A course correction';
  return `${what} on the change target “${target.title}”.`.slice(0, 1000);
}

/** The story's Markdown: what happened (and, for a correction, why), under the target it belongs to. */
function storyBody(entry: LogEntryRecord, target: TargetRecord, schoolName: string | null): string {
  const what = entry.kind === 'win' ? 'A short-term win' : 'A course correction';
  const where = schoolName ? ` at ${noBrackets(schoolName)}` : '';
  const parts = [`*${what}${where} on the change target “${noBrackets(target.title)}”, ${entry.happenedOn}.*`];
  if (entry.body) parts.push(entry.kind === 'win' ? entry.body : `## What changed\n\n${entry.body}`);
  if (entry.kind === 'correction' && entry.reason) parts.push(`## Why\n\n${entry.reason}`);
  return `${parts.join('\n\n')}\n`;
}
