import { Injectable } from '@nestjs/common';
import { badRequest, Clock, conflict, ErrorCode, forbidden, notFound } from '@app/core';
import type { Actor } from '@app/identity';
import { checkAnswers, scoreAnswers } from '../model/answers';
import { presentMyResults, presentOwnResponse, presentResponseScores } from '../presenters';
import { InstrumentRepository, ResponseRepository, type RespondentFacts, type RespondentRole } from '../repositories';

/** A school lead or someone whose school role is leadership answers as leadership; everyone else as a member. */
const roleOf = (facts: RespondentFacts): RespondentRole =>
  facts.schoolLead || facts.schoolRole === 'leadership' ? 'leadership' : 'member';

/**
 * Answering instruments and reading one's own results. Answers are checked item by item before anything is written;
 * the response, its scores and the learning-path progress it completes are stored in one transaction.
 */
@Injectable()
export class AssessmentResponseService {
  constructor(
    private readonly instruments: InstrumentRepository,
    private readonly responses: ResponseRepository,
    private readonly clock: Clock,
  ) {}

  async submit(actor: Actor, instrumentId: string, input: { versionId: string; answers: Record<string, unknown> }) {
    // Every signed-in member may answer a published version; drafts exist only for admins, so they are not found.
    const instrument = await this.instruments.findById(instrumentId);
    const version = instrument ? await this.instruments.findVersionById(input.versionId) : null;
    if (!instrument || !version || version.instrumentId !== instrumentId || version.status === 'draft') throw notFound();
    if (version.status === 'retired') {
      throw conflict(ErrorCode.AssessmentVersionRetired, 'This version has been retired; answer the current version instead');
    }
    const facts = await this.responses.respondentFacts(actor.userId);
    const role = roleOf(facts);
    if (instrument.kind === 'school_readiness' && (!facts.institutionId || (role === 'member' && !facts.inSchoolCohort))) {
      throw forbidden("A school's readiness is answered by its cohort members and leadership");
    }
    const checked = checkAnswers(version.sections, input.answers);
    if (!checked.ok) throw badRequest(ErrorCode.AssessmentAnswerInvalid, 'Some answers are not valid', checked.problems);
    const id = await this.responses.submit({
      instrumentId,
      versionId: version.id,
      userId: actor.userId,
      institutionId: facts.institutionId,
      respondentRole: role,
      answers: checked.answers,
      scores: scoreAnswers(version.sections, checked.answers),
      submittedAt: this.clock.now(),
    });
    return presentResponseScores((await this.responses.findMine(actor.userId, id))!);
  }

  /** The actor's own responses over time, per instrument. */
  async mine(actor: Actor) {
    return presentMyResults(await this.responses.mine(actor.userId));
  }

  /** One of the actor's own responses with its answers; anyone else's does not exist for them. */
  async mineOne(actor: Actor, responseId: string) {
    const response = await this.responses.findMine(actor.userId, responseId);
    if (!response) throw notFound();
    return presentOwnResponse(response);
  }
}
