import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('cohort_member')
export class CohortMemberEntity {
  @PrimaryColumn('uuid') cohortId: string;
  @PrimaryColumn('uuid') userId: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

@Entity('group_member')
export class GroupMemberEntity {
  @PrimaryColumn('uuid') groupId: string;
  @PrimaryColumn('uuid') userId: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
