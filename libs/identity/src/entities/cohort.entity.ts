import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('cohort')
export class CohortEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') institutionId: string;
  @Column('text') name: string;
  @Column('integer') programYear: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
