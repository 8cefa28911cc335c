import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PlatformRole, SchoolRole } from './user.entity';

export type InvitationStatus = 'pending' | 'accepted' | 'revoked';

@Entity('invitation')
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') email: string;
  @Column('text') displayName: string;
  @Column('uuid') institutionId: string;
  @Column('uuid', { nullable: true }) cohortId: string | null;
  @Column('text', { nullable: true }) schoolRole: SchoolRole | null;
  @Column('text') platformRole: PlatformRole;
  @Column('boolean') schoolLead: boolean;
  /** sha256 of the link's token; the token itself is never stored. */
  @Column('text', { select: false }) tokenHash: string;
  @Column('text') status: InvitationStatus;
  @Column('uuid', { nullable: true }) invitedById: string | null;
  @Column('uuid', { nullable: true }) acceptedUserId: string | null;
  @Column('timestamptz') expiresAt: Date;
  @Column('timestamptz', { nullable: true }) acceptedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
