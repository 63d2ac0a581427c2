import { Limits, MoneyType } from '@klynge/platform';
import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ResearchPhase } from '../research.events';

export const RESEARCH_PHASES = ['GRANTED', 'RUNNING', 'COMPLETED'] as const;
export const ResearchPhaseEnum = Object.fromEntries(RESEARCH_PHASES.map((phase) => [phase, phase])) as { [P in ResearchPhase]: P };
registerEnumType(ResearchPhaseEnum, {
  name: 'ResearchProjectPhase',
  description: 'GRANTED (Bevilgning, before its start year), RUNNING (Bevilgning), COMPLETED (Avsluttet), as in Prosjektbanken.',
});

export const ALLOCATION_GROUPINGS = ['APPLICATION_TYPE', 'COUNTY', 'FUNDING_ACTIVITY'] as const;
export type AllocationGrouping = (typeof ALLOCATION_GROUPINGS)[number];
export const AllocationGroupingEnum = Object.fromEntries(ALLOCATION_GROUPINGS.map((grouping) => [grouping, grouping])) as {
  [G in AllocationGrouping]: G;
};
registerEnumType(AllocationGroupingEnum, { name: 'ResearchAllocationGrouping' });

@ObjectType('ResearchAllocation', { description: 'Allocated to a project in one year (the periodised amount).' })
export class AllocationType {
  @Field(() => Int, { nullable: true, description: 'Null for an amount the source does not split by year.' })
  year!: number | null;

  @Field(() => MoneyType)
  amount!: MoneyType;
}

@ObjectType('ResearchPartner', { description: 'An organisation taking part in a project, with its role.' })
export class PartnerType {
  @Field()
  orgNumber!: string;

  @Field()
  role!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('ResearchProject', { description: 'A project Forskningsrådet has granted, as Prosjektbanken publishes it.' })
export class ProjectType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Six digits, sometimes with a suffix, e.g. 184951/I30.' })
  projectNumber!: string;

  @Field()
  title!: string;

  @Field({ description: 'Søknadstype, e.g. Innovasjonsprosjekt i næringslivet.' })
  applicationType!: string;

  @Field({ description: 'The project owner (prosjektansvarlig), by organisation number.' })
  ownerOrgNumber!: string;

  @Field(() => String, { nullable: true, description: 'The owner as the source names it.' })
  ownerName!: string | null;

  @Field(() => [PartnerType])
  partners!: PartnerType[];

  @Field(() => String, { nullable: true, description: "Where the research takes place; the owner's county when the source gives none." })
  countyCode!: string | null;

  @Field(() => String, { nullable: true })
  countyName!: string | null;

  @Field(() => String, { nullable: true, description: "The owner's municipality when the source gives none." })
  municipalityCode!: string | null;

  @Field(() => [String])
  thematicAreas!: string[];

  @Field(() => [String], { description: 'Subject area, subject and discipline, as given.' })
  subjectFields!: string[];

  @Field(() => Int)
  startYear!: number;

  @Field(() => Int)
  endYear!: number;

  @Field(() => ResearchPhaseEnum)
  phase!: ResearchPhase;

  @Field(() => [AllocationType], { description: 'Allocated per year, oldest first.' })
  allocations!: AllocationType[];

  @Field(() => MoneyType, { description: 'The sum of its allocations: the total granted for the whole period.' })
  total!: MoneyType;
}

export interface ProjectRecord extends Omit<ProjectType, 'countyName'> {
  readonly activityCode: string | null;
  readonly projectManager: string | null;
}

@ObjectType('ResearchAllocationGroup', {
  description: 'Allocated in one year to the projects of one application type, county or funding activity.',
})
export class AllocationGroupType {
  @Field(() => Int)
  year!: number;

  @Field({ description: 'The application type, county code or activity code; "unknown" where a project has none.' })
  key!: string;

  @Field({ description: 'What the key names: the county or activity name.' })
  label!: string;

  @Field(() => MoneyType)
  amount!: MoneyType;

  @Field(() => Int, { description: 'Projects with an allocation that year.' })
  projects!: number;
}

@ObjectType('ClusterResearchReach', {
  description: "How many of a cluster's current members have a research project, as owner or partner.",
})
export class ResearchReachType {
  @Field(() => Int)
  members!: number;

  @Field(() => Int)
  membersWithProject!: number;

  @Field(() => Float, { nullable: true, description: 'membersWithProject / members; null for a cluster with no members known.' })
  share!: number | null;
}

@InputType('ResearchProjectFilter')
export class ProjectFilter {
  @Field(() => String, { nullable: true, description: 'Owned by, or a partner of, this organisation.' })
  orgNumber?: string | null;

  @Limits({ maxLength: 200 })
  @Field(() => String, { nullable: true })
  applicationType?: string | null;

  @Field(() => String, { nullable: true })
  activityCode?: string | null;

  @Field(() => String, { nullable: true })
  countyCode?: string | null;

  @Field(() => ResearchPhaseEnum, { nullable: true })
  phase?: ResearchPhase | null;

  @Field(() => Int, { nullable: true, description: 'With an allocation in this year.' })
  year?: number | null;
}

@InputType('ImportResearchProjectsInput')
export class ImportProjectsInput {
  @Limits({ maxLength: 5_000_000 })
  @Field({ description: "A CSV file in Prosjektbanken's export layout (see the research subgraph's README)." })
  csv!: string;
}

@ObjectType('ResearchImportReport', {
  description: 'What an import did. A file with problems is refused whole (BAD_USER_INPUT, each row named).',
})
export class ImportReportType {
  @Field(() => Int)
  granted!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  completed!: number;

  @Field(() => Int)
  unchanged!: number;
}
