import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { GroupEntity, GroupMemberEntity, type GroupKind } from '../entities';

export interface GroupWithCount extends GroupEntity {
  memberCount: number;
}

@Injectable()
export class GroupRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(GroupEntity);
  }

  findById(id: string): Promise<GroupEntity | null> {
    return this.repo().findOneBy({ id });
  }

  /** Groups with member counts; `groupIds` null means every group. */
  async list(filter: { groupIds: readonly string[] | null; institutionId?: string }): Promise<GroupWithCount[]> {
    const qb = this.repo()
      .createQueryBuilder('g')
      .addSelect('(SELECT count(*) FROM group_member m WHERE m.group_id = g.id)', 'member_count')
      .orderBy('g.name');
    if (filter.groupIds !== null) qb.andWhere('g.id = ANY(:groupIds)', { groupIds: filter.groupIds });
    if (filter.institutionId) qb.andWhere('g.institution_id = :institutionId', { institutionId: filter.institutionId });
    const rows = await qb.getRawAndEntities();
    return rows.entities.map((entity, index) => Object.assign(entity, { memberCount: Number(rows.raw[index].member_count) }));
  }

  async create(
    data: { institutionId: string | null; name: string; kind: GroupKind; description: string },
    manager?: EntityManager,
  ): Promise<GroupEntity> {
    const repo = this.repo(manager);
    return repo.save(repo.create(data));
  }

  async update(
    id: string,
    patch: { name?: string; kind?: GroupKind; description?: string },
    manager?: EntityManager,
  ): Promise<void> {
    if (Object.keys(patch).length) await this.repo(manager).update({ id }, patch);
  }

  async delete(id: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).delete({ id });
  }

  async addMember(groupId: string, userId: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager)
      .createQueryBuilder()
      .insert()
      .into(GroupMemberEntity)
      .values({ groupId, userId })
      .orIgnore()
      .execute();
  }

  async removeMember(groupId: string, userId: string, manager?: EntityManager): Promise<boolean> {
    const result = await (manager ?? this.dataSource.manager).getRepository(GroupMemberEntity).delete({ groupId, userId });
    return (result.affected ?? 0) > 0;
  }
}
