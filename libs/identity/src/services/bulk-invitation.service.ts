import { Injectable } from '@nestjs/common';
import { badRequest, DomainError, ErrorCode } from '@app/core';
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { SCHOOL_ROLES, type SchoolRole } from '../entities';
import type { Actor } from '../policy';
import { CohortRepository } from '../repositories';
import { IdentityMailEvents } from './identity-mail-events';
import { InvitationService } from './invitation.service';

export const MAX_BULK_ROWS = 1000;
const REQUIRED_COLUMNS = ['email', 'name'] as const;
const KNOWN_COLUMNS = ['email', 'name', 'school_role', 'cohort'];
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export interface BulkRowReport {
  row: number;
  email: string;
  status: 'created' | 'rejected';
  code?: string;
  message?: string;
  acceptUrl?: string;
}

/**
 * Invites a school's people from CSV (email, name, school_role, cohort). Every row is its own
 * transaction: a rejected row writes nothing, and never stops the rows after it.
 */
@Injectable()
export class BulkInvitationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly invitations: InvitationService,
    private readonly cohorts: CohortRepository,
    private readonly mailEvents: IdentityMailEvents,
  ) {}

  async invite(actor: Actor, institutionId: string, csv: string) {
    await this.invitations.assertMayInvite(actor, { institutionId });
    const records = this.parse(csv);
    const seen = new Set<string>();
    const rows: BulkRowReport[] = [];
    for (const [index, record] of records.entries()) {
      const rowNumber = index + 2; // the header is line 1
      const email = (record.email ?? '').trim().toLowerCase();
      try {
        const input = await this.validate(record, institutionId, email, seen);
        const { token, mail } = await this.dataSource.transaction((manager) =>
          this.invitations.createWithin(manager, actor, input),
        );
        this.mailEvents.publish(mail);
        rows.push({ row: rowNumber, email, status: 'created', acceptUrl: this.invitations.acceptUrl(token) });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        rows.push({ row: rowNumber, email, status: 'rejected', code: error.code, message: error.message });
      }
      seen.add(email);
    }
    const created = rows.filter((r) => r.status === 'created').length;
    return { created, rejected: rows.length - created, rows };
  }

  private parse(csv: string): Record<string, string>[] {
    let records: Record<string, string>[];
    try {
      records = parse(csv.replace(/^\uFEFF/, ''), {
        columns: (header: string[]) => header.map((h) => h.trim().toLowerCase().replace(/\s+/g, '_')),
        skip_empty_lines: true,
        trim: true,
        relax_column_count: false,
      });
    } catch (error) {
      throw badRequest(ErrorCode.InvalidCsv, `The CSV could not be read: ${(error as Error).message}`);
    }
    if (records.length === 0) throw badRequest(ErrorCode.InvalidCsv, 'The CSV has no rows after its header');
    const columns = Object.keys(records[0]);
    const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
    if (missing.length) throw badRequest(ErrorCode.InvalidCsv, `The CSV header lacks: ${missing.join(', ')}`);
    const unknown = columns.filter((c) => !KNOWN_COLUMNS.includes(c));
    if (unknown.length) throw badRequest(ErrorCode.InvalidCsv, `Unknown CSV columns: ${unknown.join(', ')}`);
    if (records.length > MAX_BULK_ROWS) throw badRequest(ErrorCode.InvalidCsv, `At most ${MAX_BULK_ROWS} rows at a time`);
    return records;
  }

  private async validate(record: Record<string, string>, institutionId: string, email: string, seen: Set<string>) {
    if (!EMAIL.test(email) || email.length > 254) throw badRequest(ErrorCode.InvalidEmail, 'Not a valid email address');
    if (seen.has(email)) throw badRequest(ErrorCode.DuplicateRow, 'This email appears earlier in the file');
    const name = (record.name ?? '').trim();
    if (!name || name.length > 100) throw badRequest(ErrorCode.NameRequired, 'A name of 1 to 100 characters is required');
    const role = (record.school_role ?? '').trim().toLowerCase();
    if (role && !(SCHOOL_ROLES as readonly string[]).includes(role)) {
      throw badRequest(ErrorCode.InvalidSchoolRole, `School role must be one of ${SCHOOL_ROLES.join(', ')}`);
    }
    let cohortId: string | null = null;
    const cohortName = (record.cohort ?? '').trim();
    if (cohortName) {
      const cohort = await this.cohorts.findByName(institutionId, cohortName);
      if (!cohort) throw badRequest(ErrorCode.CohortNotFound, `No cohort named "${cohortName}" in this school`);
      cohortId = cohort.id;
    }
    return { email, displayName: name, institutionId, cohortId, schoolRole: (role || null) as SchoolRole | null };
  }
}
