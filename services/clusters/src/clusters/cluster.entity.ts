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

  /** Null when its sources name no county, or several. */
  @Column({ type: 'text', name: 'county_code', nullable: true })
  countyCode!: string | null;

  @Column({ type: 'text', name: 'municipality_code', nullable: true })
  municipalityCode!: string | null;

  @Column({ type: 'text', nullable: true })
  town!: string | null;

  @Column({ type: 'text', array: true })
  sectors!: string[];

  /** Earlier or other names, as its sources give them. */
  @Column({ type: 'text', array: true, name: 'other_names', default: () => "'{}'" })
  otherNames!: string[];

  /** Members as public pages report them, in their words, each with the page. */
  @Column({ type: 'jsonb', name: 'members_reported', default: () => "'[]'" })
  membersReported!: { text: string; url: string }[];

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

  /** Null only for a reported period no source gives the start of. */
  @Column({ type: 'date', name: 'valid_from', nullable: true })
  validFrom!: string | null;

  @Column({ type: 'text', name: 'valid_from_precision' })
  validFromPrecision!: 'DAY' | 'YEAR';

  @Column({ type: 'date', name: 'valid_to', nullable: true })
  validTo!: string | null;

  @Column('text')
  reason!: string;

  @Column({ type: 'text', name: 'decision_reference', nullable: true })
  decisionReference!: string | null;

  /** RECORDED: decided or entered in Klynge; REPORTED: as public sources report it (claims). */
  @Column({ type: 'text', default: 'RECORDED' })
  basis!: 'RECORDED' | 'REPORTED';

  /** How a reported period's end is known: a page says so, or a rule gives it (see reported-history.ts). */
  @Column({ type: 'text', name: 'ended_by', nullable: true })
  endedBy!: 'SOURCE' | 'NEXT_LEVEL' | 'LEVEL_ENDED' | 'TERM' | null;

  /** Every start year the sources give (several when they disagree). */
  @Column({ type: 'integer', array: true, name: 'from_years', default: () => "'{}'" })
  fromYears!: number[];

  /** Every end year the sources give. */
  @Column({ type: 'integer', array: true, name: 'to_years', default: () => "'{}'" })
  toYears!: number[];

  /** What each page says of the period. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  claims!: { claim: 'START' | 'END' | 'HELD'; year: number | null; url: string }[];

  /** When the period was recorded: the database sets it. */
  @Column({ type: 'timestamptz', name: 'recorded_at', insert: false, update: false })
  recordedAt!: Date;
}
