import { graphqlEnum, Limits, MoneyType } from '@klynge/platform';
import { Directive, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { ResearchPhase } from '../research.events';

export const RESEARCH_PHASES = ['GRANTED', 'RUNNING', 'COMPLETED'] as const;
export const ResearchPhaseEnum = graphqlEnum(RESEARCH_PHASES, {
  name: 'ResearchProjectPhase',
  description: 'GRANTED (Bevilgning, before its start year), RUNNING (Bevilgning), COMPLETED (Avsluttet), as in Prosjektbanken.',
  valuesConfig: {
    GRANTED: { description: 'Granted (Bevilgning), and its start year has not come.' },
    RUNNING: { description: 'Granted (Bevilgning) and under way.' },
    COMPLETED: { description: 'Ended (Avsluttet).' },
  },
});

export const ALLOCATION_GROUPINGS = ['APPLICATION_TYPE', 'COUNTY', 'FUNDING_ACTIVITY'] as const;
export type AllocationGrouping = (typeof ALLOCATION_GROUPINGS)[number];
export const AllocationGroupingEnum = graphqlEnum(ALLOCATION_GROUPINGS, {
  name: 'ResearchAllocationGrouping',
  description: 'What to group research allocations by.',
  valuesConfig: {
    APPLICATION_TYPE: { description: 'By application type (søknadstype), e.g. Innovasjonsprosjekt i næringslivet.' },
    COUNTY: { description: "By the project's county, or its owner's where the source gives none." },
    FUNDING_ACTIVITY: { description: 'By the funding activity (aktivitet) the project belongs to.' },
  },
});

@ObjectType('ResearchAllocation', { description: 'Allocated to a project in one year (the periodised amount).' })
export class AllocationType {
  @Field(() => Int, { nullable: true, description: 'Null for an amount the source does not split by year.' })
  year!: number | null;

  @Field(() => MoneyType, { description: 'What was allocated: exact whole NOK, a decimal string (never a float).' })
  amount!: MoneyType;
}

@ObjectType('ResearchPartner', { description: 'An organisation taking part in a project, with its role.' })
export class PartnerType {
  @Field({ description: "The partner's organisation number, nine digits." })
  orgNumber!: string;

  @Field({ description: 'Its role in the project, as the source gives it (PARTNER when the source gives none).' })
  role!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('ResearchProject', { description: 'A project Forskningsrådet has granted, as Prosjektbanken publishes it.' })
export class ProjectType {
  @Field(() => ID, { description: "The project's id in Klynge, a UUID." })
  id!: string;

  @Field({ description: 'Six digits, sometimes with a suffix, e.g. 184951/I30.' })
  projectNumber!: string;

  @Field({ description: "The project's title (prosjekttittel)." })
  title!: string;

  @Field({ description: 'Søknadstype, e.g. Innovasjonsprosjekt i næringslivet.' })
  applicationType!: string;

  @Field({ description: 'The project owner (prosjektansvarlig), by organisation number.' })
  ownerOrgNumber!: string;

  @Field(() => String, { nullable: true, description: 'The owner as the source names it; null when the source gives no name.' })
  ownerName!: string | null;

  @Field(() => [PartnerType], { description: 'The partners, by organisation number; empty when the source names none.' })
  partners!: PartnerType[];

  @Field(() => String, {
    nullable: true,
    description:
      "Where the research takes place: a county code (two digits, from 2024); the owner's county when the source gives none; null when neither is known.",
  })
  countyCode!: string | null;

  @Field(() => String, { nullable: true, description: 'The name of countyCode; null when countyCode is null or not a county from 2024.' })
  countyName!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The municipality (four digits) where the research takes place; the owner's when the source gives no place; null when not known.",
  })
  municipalityCode!: string | null;

  @Field(() => [String], { description: 'Thematic areas, as the source gives them; empty when it gives none.' })
  thematicAreas!: string[];

  @Field(() => [String], { description: 'Subject area, subject and discipline, as given.' })
  subjectFields!: string[];

  @Field(() => Int, { description: 'The year the project starts (prosjektstart).' })
  startYear!: number;

  @Field(() => Int, { description: 'The year the project ends (prosjektslutt).' })
  endYear!: number;

  @Field(() => ResearchPhaseEnum, { description: 'Where it stands, as Prosjektbanken says.' })
  phase!: ResearchPhase;

  @Field(() => [AllocationType], { description: 'Allocated per year, oldest first.' })
  allocations!: AllocationType[];

  @Field(() => MoneyType, {
    description: 'The sum of its allocations: the total granted for the whole period (it may change during the project). Exact whole NOK.',
  })
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
  @Field(() => Int, { description: 'The year allocated.' })
  year!: number;

  @Field({ description: 'The application type, county code or activity code; "unknown" where a project has none.' })
  key!: string;

  @Field({
    description:
      'For display: the county or activity name, or the application type itself ("Unknown county", "Unknown activity" where not known).',
  })
  label!: string;

  @Field(() => MoneyType, { description: 'Allocated that year to those projects: exact whole NOK, a decimal string (never a float).' })
  amount!: MoneyType;

  @Field(() => Int, { description: 'Projects with an allocation that year.' })
  projects!: number;
}

@ObjectType('ClusterResearchReach', {
  description: "How many of a cluster's current members have a research project, as owner or partner.",
})
export class ResearchReachType {
  @Field(() => Int, { description: "The cluster's current members." })
  members!: number;

  @Field(() => Int, { description: 'Of those, the members that own or are a partner of at least one research project.' })
  membersWithProject!: number;

  @Field(() => Float, { nullable: true, description: 'membersWithProject / members; null for a cluster with no members known.' })
  share!: number | null;
}

@InputType('ResearchProjectFilter', { description: 'Which research projects to list: each field given narrows the list.' })
export class ProjectFilter {
  @Field(() => String, { nullable: true, description: 'Owned by, or a partner of, this organisation (its organisation number).' })
  orgNumber?: string | null;

  @Limits({ maxLength: 200 })
  @Field(() => String, {
    nullable: true,
    description: 'Only this application type, written exactly, e.g. Innovasjonsprosjekt i næringslivet.',
  })
  applicationType?: string | null;

  @Field(() => String, { nullable: true, description: 'Only projects of this funding activity (its code).' })
  activityCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Only projects in this county (two digits): the project's, or its owner's where the project has none.",
  })
  countyCode?: string | null;

  @Field(() => ResearchPhaseEnum, { nullable: true, description: 'Only projects in this phase.' })
  phase?: ResearchPhase | null;

  @Field(() => Int, { nullable: true, description: 'With an allocation in this year.' })
  year?: number | null;
}

@InputType('ImportResearchProjectsInput', { description: 'A file of projects to import.' })
export class ImportProjectsInput {
  @Limits({ maxLength: 5_000_000 })
  @Field({ description: "A CSV file in Prosjektbanken's export layout (see the research subgraph's README)." })
  csv!: string;
}

@ObjectType('ResearchImportReport', {
  description: 'What an import did. A file with problems is refused whole (BAD_USER_INPUT, each row named).',
})
export class ImportReportType {
  @Field(() => Int, { description: 'Projects new to Klynge.' })
  granted!: number;

  @Field(() => Int, {
    description: 'Known projects whose figures, partners, period, phase or other data changed (other than only becoming COMPLETED).',
  })
  updated!: number;

  @Field(() => Int, { description: 'Known projects whose phase became COMPLETED; one may count in updated too.' })
  completed!: number;

  @Field(() => Int, { description: 'Known projects the file left as they were.' })
  unchanged!: number;
}
