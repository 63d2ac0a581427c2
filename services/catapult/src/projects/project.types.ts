import { graphqlEnum, Limits } from '@klynge/platform';
import { Directive, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';

export const PROJECT_STATUSES = ['RUNNING', 'COMPLETED'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const ProjectStatusEnum = graphqlEnum(PROJECT_STATUSES, {
  name: 'CatapultProjectStatus',
  description: 'RUNNING until its end date is entered, then COMPLETED.',
  valuesConfig: {
    RUNNING: { description: 'Started; no end date entered yet.' },
    COMPLETED: { description: 'Its end date is entered.' },
  },
});

@Directive('@key(fields: "id")')
@ObjectType('CatapultProject', { description: "A company's project at a catapult centre, entered by the centre's staff." })
export class ProjectType {
  @Field(() => ID, { description: "The project's id, a UUID." })
  id!: string;

  @Field({ description: 'The company, by organisation number.' })
  orgNumber!: string;

  @Field({ description: "The project's title." })
  title!: string;

  @Field({ description: 'YYYY-MM-DD: the day it started.' })
  startedOn!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null while it runs.' })
  endedOn!: string | null;

  @Field(() => ProjectStatusEnum, { description: 'Whether it runs or has completed.' })
  status!: ProjectStatus;

  @Field(() => [String], { description: 'The centre’s services it used, e.g. testing, simulation, visualisation, qualification.' })
  services!: string[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the company is an SME, by its size class in the organisation register; null where its size is not known.',
  })
  sme!: boolean | null;
}

export interface ProjectRecord extends ProjectType {
  readonly centreId: string;
}

@ObjectType('CatapultProjectYear', { description: 'Projects a centre started in one year, and how many were SMEs’.' })
export class ProjectYearType {
  @Field(() => Int, { description: 'The year the projects started.' })
  year!: number;

  @Field(() => Int, { description: 'Projects the centre started that year.' })
  projects!: number;

  @Field(() => Int, { description: 'Projects of companies whose size class is SME.' })
  smeProjects!: number;

  @Field(() => Int, { description: 'Projects of companies whose size is not known: left out of the share.' })
  sizeUnknown!: number;

  @Field(() => Float, { nullable: true, description: 'smeProjects / (projects - sizeUnknown); null when no size is known.' })
  smeShare!: number | null;
}

export interface ProjectYearRecord extends ProjectYearType {
  readonly centreId: string;
}

@ObjectType('CatapultCountyReach', {
  description: 'Companies with a catapult project, by the county the organisation register gives them.',
})
export class CountyReachType {
  @Field({ description: 'County code from 2024, or "unknown".' })
  countyCode!: string;

  @Field({ description: 'The county\'s name; "Unknown county" where not known.' })
  countyName!: string;

  @Field(() => Int, { description: 'Distinct companies.' })
  companies!: number;
}

@InputType('StartCatapultProjectInput', { description: "A company's project at a centre, as the centre enters it." })
export class StartProjectInput {
  @Field(() => ID, { description: 'The centre.' })
  centreId!: string;

  @Field({ description: 'The company: nine digits, MOD11-checked.' })
  orgNumber!: string;

  @Limits({ maxLength: 200 })
  @Field({ description: "The project's title." })
  title!: string;

  @Field({ description: 'YYYY-MM-DD: not before the centre was designated, not after today.' })
  startedOn!: string;

  @Limits({ maxItems: 20, maxLength: 100 })
  @Field(() => [String], { nullable: true, description: 'The centre’s services it uses, e.g. testing, simulation; each kept once.' })
  services?: string[] | null;
}

@InputType('CompleteCatapultProjectInput', { description: 'The end of a project.' })
export class CompleteProjectInput {
  @Field(() => ID, { description: 'The project; CONFLICT when it is completed already.' })
  projectId!: string;

  @Field({ description: 'YYYY-MM-DD: not before it started, not after today.' })
  endedOn!: string;
}

@InputType('CatapultProjectFilter', { description: 'Which projects to list: each field given narrows the list.' })
export class ProjectFilter {
  @Field(() => ID, { nullable: true, description: 'Only projects at this centre.' })
  centreId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only projects of the company with this organisation number.' })
  orgNumber?: string | null;

  @Field(() => Int, { nullable: true, description: 'Started in this year.' })
  startedIn?: number | null;

  @Field(() => ProjectStatusEnum, { nullable: true, description: 'Only projects with this status.' })
  status?: ProjectStatus | null;
}
