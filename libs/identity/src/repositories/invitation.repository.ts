import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { InvitationEntity, type PlatformRole, type SchoolRole } from '../entities';

export interface NewInvitation {
  email: string;
  displayName: string;
  institutionId: string;
  cohortId: string | null;
  schoolRole: SchoolRole | null;
  platformRole: PlatformRole;
  schoolLead: boolean;
  tokenHash: string;
  invitedById: string;
  expiresAt: Date;
}

@Injectable()
export class InvitationRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(InvitationEntity);
  }

  async create(data: NewInvitation, manager?: EntityManager): Promise<InvitationEntity> {
    const repo = this.repo(manager);
    const saved = await repo.save(repo.create({ ...data, status: 'pending' }));
    return repo.findOneByOrFail({ id: saved.id });
  }

  findById(id: string): Promise<InvitationEntity | null> {
    return this.repo().findOneBy({ id });
  }

  /** Locks the row so two simultaneous accepts of one link cannot both succeed. */
  findByTokenHashForUpdate(tokenHash: string, manager: EntityManager): Promise<InvitationEntity | null> {
    return this.repo(manager)
      .createQueryBuilder('i')
      .where('i.token_hash = :tokenHash', { tokenHash })
      .setLock('pessimistic_write')
      .getOne();
  }

  findByTokenHash(tokenHash: string): Promise<InvitationEntity | null> {
    return this.repo().createQueryBuilder('i').where('i.token_hash = :tokenHash', { tokenHash }).getOne();
  }

  /** A still-usable invitation for this address (pending and not yet expired). */
  async findPendingByEmail(email: string, now: Date, manager?: EntityManager): Promise<InvitationEntity | null> {
    return this.repo(manager)
      .createQueryBuilder('i')
      .where("i.email = :email AND i.status = 'pending' AND i.expires_at > :now", { email: email.toLowerCase(), now })
      .getOne();
  }

  /** Frees the address of an expired pending invitation so it can be invited again. */
  async revokeExpiredFor(email: string, now: Date, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      `UPDATE invitation SET status = 'revoked' WHERE email = $1 AND status = 'pending' AND expires_at <= $2`,
      [email.toLowerCase(), now],
    );
  }

  list(filter: { institutionIds: string[] | null; status?: string; now: Date }): Promise<InvitationEntity[]> {
    const qb = this.repo().createQueryBuilder('i').orderBy('i.created_at', 'DESC').limit(500);
    if (filter.institutionIds !== null) qb.andWhere('i.institution_id = ANY(:ids)', { ids: filter.institutionIds });
    if (filter.status === 'expired') {
      qb.andWhere("i.status = 'pending' AND i.expires_at <= :now", { now: filter.now });
    } else if (filter.status === 'pending') {
      qb.andWhere("i.status = 'pending' AND i.expires_at > :now", { now: filter.now });
    } else if (filter.status) {
      qb.andWhere('i.status = :status', { status: filter.status });
    }
    return qb.getMany();
  }

  async markAccepted(id: string, userId: string, at: Date, manager: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, { status: 'accepted', acceptedUserId: userId, acceptedAt: at });
  }

  async revoke(id: string): Promise<boolean> {
    const result = await this.repo().update({ id, status: 'pending' }, { status: 'revoked' });
    return (result.affected ?? 0) > 0;
  }
}
