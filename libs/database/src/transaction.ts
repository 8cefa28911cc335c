import type { DataSource, EntityManager } from 'typeorm';

/** Runs `work` in one transaction; repositories given the manager write inside it. */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(work);
}
