import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const ORGANIZATION_KINDS = ['COMPANY', 'RESEARCH_INSTITUTION', 'PUBLIC_BODY', 'OTHER'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

@Entity('organizations')
export class OrganizationEntity {
  @PrimaryColumn({ type: 'text', name: 'org_number' })
  orgNumber!: string;

  @Column('text')
  name!: string;

  @Column({ type: 'text', name: 'organization_form', nullable: true })
  organizationForm!: string | null;

  @Column({ type: 'text', name: 'nace_code', nullable: true })
  naceCode!: string | null;

  @Column({ type: 'text', name: 'municipality_code', nullable: true })
  municipalityCode!: string | null;

  @Column({ type: 'integer', nullable: true })
  employees!: number | null;

  @Column('text')
  kind!: OrganizationKind;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
