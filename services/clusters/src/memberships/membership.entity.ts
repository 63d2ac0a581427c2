import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const MEMBERSHIP_ROLES = ['MEMBER', 'PARTNER', 'HOST'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

@Entity('memberships')
export class MembershipEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'cluster_id' })
  clusterId!: string;

  @Column({ type: 'text', name: 'org_number' })
  orgNumber!: string;

  @Column('text')
  role!: MembershipRole;

  @Column({ type: 'date', name: 'joined_on' })
  joinedOn!: string;

  @Column({ type: 'date', name: 'left_on', nullable: true })
  leftOn!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
