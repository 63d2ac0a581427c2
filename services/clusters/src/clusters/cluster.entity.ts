import type { ClusterLevel } from '@klynge/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity('clusters')
export class ClusterEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  slug!: string;

  @Column('text')
  name!: string;

  @Column({ type: 'text', name: 'short_name', nullable: true })
  shortName!: string | null;

  /** The latest level it was given; it may have ended (levelUntil). */
  @Column('text')
  level!: ClusterLevel;

  /** From this day it no longer holds `level`, and its next level is not known. */
  @Column({ type: 'date', name: 'level_until', nullable: true })
  levelUntil!: string | null;

  @Column({ type: 'text', name: 'county_code' })
  countyCode!: string;

  @Column({ type: 'text', name: 'municipality_code', nullable: true })
  municipalityCode!: string | null;

  @Column({ type: 'text', nullable: true })
  town!: string | null;

  @Column({ type: 'text', array: true })
  sectors!: string[];

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text', nullable: true })
  website!: string | null;

  @Column({ type: 'integer', name: 'founded_year', nullable: true })
  foundedYear!: number | null;

  @Column({ type: 'date', name: 'programme_start', nullable: true })
  programmeStart!: string | null;

  @Column({ type: 'date', name: 'programme_end', nullable: true })
  programmeEnd!: string | null;

  @Column({ type: 'text', name: 'manager_name', nullable: true })
  managerName!: string | null;

  @Column({ type: 'text', name: 'manager_email', nullable: true })
  managerEmail!: string | null;

  @Column({ type: 'text', name: 'manager_phone', nullable: true })
  managerPhone!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity('cluster_level_periods')
export class ClusterLevelPeriodEntity {
  @Column({ type: 'bigint', primary: true, generated: 'increment' })
  id!: string;

  @Column({ type: 'uuid', name: 'cluster_id' })
  clusterId!: string;

  @Column('text')
  level!: ClusterLevel;

  @Column({ type: 'date', name: 'valid_from' })
  validFrom!: string;

  @Column({ type: 'text', name: 'valid_from_precision' })
  validFromPrecision!: 'DAY' | 'YEAR';

  @Column({ type: 'date', name: 'valid_to', nullable: true })
  validTo!: string | null;

  @Column('text')
  reason!: string;

  @Column({ type: 'text', name: 'decision_reference', nullable: true })
  decisionReference!: string | null;

  /** When the period was recorded: the database sets it. */
  @Column({ type: 'timestamptz', name: 'recorded_at', insert: false, update: false })
  recordedAt!: Date;
}
