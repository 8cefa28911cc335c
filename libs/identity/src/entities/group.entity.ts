import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const GROUP_KINDS = ['guiding_coalition', 'learning_lab', 'other'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

@Entity('group')
export class GroupEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Null for a consortium-wide group. */
  @Column('uuid', { nullable: true }) institutionId: string | null;
  @Column('text') name: string;
  @Column('text') kind: GroupKind;
  @Column('text') description: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
