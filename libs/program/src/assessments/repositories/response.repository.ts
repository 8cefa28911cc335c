import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Answers, Scores } from '../model/answers';
import type { InstrumentKind, InstrumentSection } from '../model/instrument-model';

export type RespondentRole = 'member' | 'leadership';

/** What decides whether and as whom someone answers a school-level instrument. */
export interface RespondentFacts {
  institutionId: string | null;
  schoolLead: boolean;
  schoolRole: string | null;
  /** Whether they belong to a cohort of their own school. */
  inSchoolCohort: boolean;
}

export interface NewResponse {
  instrumentId: string;
  versionId: string;
  userId: string;
  institutionId: string | null;
  respondentRole: RespondentRole;
  answers: Answers;
  scores: Scores;
  submittedAt: Date;
}

export interface ResponseRecord {
  id: string;
  instrumentId: string;
  instrumentKind: InstrumentKind;
  instrumentTitle: string;
  versionId: string;
  version: number;
  sections: InstrumentSection[];
  respondentRole: RespondentRole;
  answers: Answers;
  scores: Scores;
  submittedAt: Date;
}

const RESPONSE_COLUMNS = `r.id, i.id AS "instrumentId", i.kind AS "instrumentKind", i.title AS "instrumentTitle", v.id AS "versionId",
  v.version, v.sections, r.respondent_role AS "respondentRole", r.answers, r.scores, r.submitted_at AS "submittedAt"`;
const RESPONSE_FROM = `assessment_response r JOIN assessment_version v ON v.id = r.version_id JOIN assessment_instrument i ON i.id = v.instrument_id`;

/** Responses, and the learning-path progress an answered instrument completes. */
@Injectable()
export class ResponseRepository {
  constructor(private readonly dataSource: DataSource) {}

  async respondentFacts(userId: string): Promise<RespondentFacts> {
    const [row] = await this.dataSource.query(
      `SELECT u.institution_id AS "institutionId", u.school_lead AS "schoolLead", u.school_role AS "schoolRole",
         EXISTS (SELECT 1 FROM cohort_member m JOIN cohort c ON c.id = m.cohort_id
                 WHERE m.user_id = u.id AND c.institution_id = u.institution_id) AS "inSchoolCohort"
       FROM app_user u WHERE u.id = $1`,
      [userId],
    );
    return row;
  }

  /**
   * Stores a response and, in the same transaction, marks done every learning-path item that asks for this
   * instrument, for this person: the learning path reads program_progress and never looks at responses itself.
   */
  async submit(input: NewResponse): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `INSERT INTO assessment_response (version_id, user_id, institution_id, respondent_role, answers, scores, overall_score, submitted_at)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8) RETURNING id`,
        [
          input.versionId,
          input.userId,
          input.institutionId,
          input.respondentRole,
          JSON.stringify(input.answers),
          JSON.stringify(input.scores),
          input.scores.overall,
          input.submittedAt,
        ],
      );
      await manager.query(
        `INSERT INTO program_progress (item_id, user_id, status, assessment_response_id, started_at, completed_at, updated_at)
         SELECT p.id, $2, 'done', $3, $4, $4, $4 FROM program_item p WHERE p.kind = 'assessment' AND p.instrument_id = $1
         ON CONFLICT (user_id, item_id) DO UPDATE SET status = 'done', completed_at = EXCLUDED.completed_at,
           assessment_response_id = EXCLUDED.assessment_response_id, updated_at = EXCLUDED.updated_at`,
        [input.instrumentId, input.userId, row.id, input.submittedAt],
      );
      return row.id as string;
    });
  }

  /** A person's responses, oldest first (a few per instrument a year: the whole history draws one chart). */
  mine(userId: string): Promise<ResponseRecord[]> {
    return this.dataSource.query(
      `SELECT ${RESPONSE_COLUMNS} FROM ${RESPONSE_FROM} WHERE r.user_id = $1 ORDER BY i.title, i.id, r.submitted_at, r.id`,
      [userId],
    );
  }

  async findMine(userId: string, responseId: string): Promise<ResponseRecord | null> {
    const rows = await this.dataSource.query(
      `SELECT ${RESPONSE_COLUMNS} FROM ${RESPONSE_FROM} WHERE r.id = $1 AND r.user_id = $2`,
      [responseId, userId],
    );
    return rows[0] ?? null;
  }
}
