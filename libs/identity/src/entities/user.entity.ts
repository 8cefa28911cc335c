import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const SCHOOL_ROLES = ['student', 'staff', 'faculty', 'leadership'] as const;
export type SchoolRole = (typeof SCHOOL_ROLES)[number];
export const PLATFORM_ROLES = ['admin', 'facilitator', 'member'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];
export type UserStatus = 'active' | 'deactivated';

@Entity('app_user')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') email: string;
  @Column('text', { nullable: true, select: false }) passwordHash: string | null;
  /** For @mentions; set by the database from the email when not given. */
  @Column('text') handle: string;
  @Column('text') displayName: string;
  @Column('text') pronouns: string;
  @Column('text', { nullable: true }) schoolRole: SchoolRole | null;
  @Column('text') bio: string;
  @Column('text', { array: true }) expertise: string[];
  @Column('text') platformRole: PlatformRole;
  @Column('uuid', { nullable: true }) institutionId: string | null;
  @Column('boolean') schoolLead: boolean;
  @Column('text') status: UserStatus;
  @Column('timestamptz', { nullable: true }) deactivatedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
