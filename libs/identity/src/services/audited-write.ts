import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditRepository, type AuditRecord } from '../repositories';

/** Runs a change and its audit entry in one transaction: both are written, or neither. */
@Injectable()
export class AuditedWrite {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
  ) {}

  run<T>(work: (manager: EntityManager) => Promise<T>, entry: (result: T) => AuditRecord): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const result = await work(manager);
      await this.audit.record(entry(result), manager);
      return result;
    });
  }
}
