import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { InstitutionEntity } from '../entities';

export interface InstitutionWithCount extends InstitutionEntity {
  memberCount: number;
}

@Injectable()
export class InstitutionRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(InstitutionEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<InstitutionEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<InstitutionEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repo().createQueryBuilder('i').where('i.id = ANY(:ids)', { ids }).getMany();
  }

  async listWithCounts(): Promise<InstitutionWithCount[]> {
    const rows = await this.repo()
      .createQueryBuilder('i')
      .addSelect("(SELECT count(*) FROM app_user u WHERE u.institution_id = i.id AND u.status = 'active')", 'member_count')
      .orderBy('i.name')
      .getRawAndEntities();
    return rows.entities.map((entity, index) => Object.assign(entity, { memberCount: Number(rows.raw[index].member_count) }));
  }

  async create(data: { name: string; slug: string; description: string }, manager?: EntityManager): Promise<InstitutionEntity> {
    const repo = this.repo(manager);
    return repo.save(repo.create(data));
  }

  async update(id: string, patch: { name?: string; description?: string; namedToPeers?: boolean }, manager?: EntityManager): Promise<void> {
    if (Object.keys(patch).length) await this.repo(manager).update({ id }, patch);
  }

  async delete(id: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).delete({ id });
  }

  /** True when the school still has people or cohorts; deleting it would orphan them. */
  async hasDependents(id: string): Promise<boolean> {
    const rows: { busy: boolean }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM app_user WHERE institution_id = $1)
           OR EXISTS (SELECT 1 FROM cohort WHERE institution_id = $1)
           OR EXISTS (SELECT 1 FROM "group" WHERE institution_id = $1) AS busy`,
      [id],
    );
    return rows[0].busy;
  }
}
