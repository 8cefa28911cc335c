import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CohortEntity, CohortMemberEntity } from '../entities';

export interface CohortWithCount extends CohortEntity {
  memberCount: number;
}

@Injectable()
export class CohortRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(CohortEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<CohortEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  findByName(institutionId: string, name: string, manager?: EntityManager): Promise<CohortEntity | null> {
    return this.repo(manager)
      .createQueryBuilder('c')
      .where('c.institution_id = :institutionId AND lower(c.name) = lower(:name)', { institutionId, name: name.trim() })
      .getOne();
  }

  /** Cohorts with member counts; `institutionIds` null means every school. */
  async list(filter: { institutionIds: string[] | null; cohortIds: string[] }): Promise<CohortWithCount[]> {
    const qb = this.repo()
      .createQueryBuilder('c')
      .addSelect('(SELECT count(*) FROM cohort_member m WHERE m.cohort_id = c.id)', 'member_count')
      .orderBy('c.program_year', 'DESC')
      .addOrderBy('c.name');
    if (filter.institutionIds !== null) {
      qb.where('(c.institution_id = ANY(:institutionIds) OR c.id = ANY(:cohortIds))', filter);
    }
    const rows = await qb.getRawAndEntities();
    return rows.entities.map((entity, index) => Object.assign(entity, { memberCount: Number(rows.raw[index].member_count) }));
  }

  async create(
    data: { institutionId: string; name: string; programYear: number },
    manager?: EntityManager,
  ): Promise<CohortEntity> {
    const repo = this.repo(manager);
    return repo.save(repo.create(data));
  }

  async update(id: string, patch: { name?: string; programYear?: number }, manager?: EntityManager): Promise<void> {
    if (Object.keys(patch).length) await this.repo(manager).update({ id }, patch);
  }

  async delete(id: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).delete({ id });
  }

  async addMember(cohortId: string, userId: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager)
      .createQueryBuilder()
      .insert()
      .into(CohortMemberEntity)
      .values({ cohortId, userId })
      .orIgnore()
      .execute();
  }

  async removeMember(cohortId: string, userId: string, manager?: EntityManager): Promise<boolean> {
    const result = await (manager ?? this.dataSource.manager).getRepository(CohortMemberEntity).delete({ cohortId, userId });
    return (result.affected ?? 0) > 0;
  }
}
