import { Limits } from '@klynge/platform';
import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export const PROJECT_STATUSES = ['RUNNING', 'COMPLETED'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const ProjectStatusEnum = Object.fromEntries(PROJECT_STATUSES.map((status) => [status, status])) as { [S in ProjectStatus]: S };
registerEnumType(ProjectStatusEnum, {
  name: 'CatapultProjectStatus',
  description: 'RUNNING until its end date is entered, then COMPLETED.',
});

@Directive('@key(fields: "id")')
@ObjectType('CatapultProject', { description: "A company's project at a catapult centre, entered by the centre's staff." })
export class ProjectType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The company, by organisation number.' })
  orgNumber!: string;

  @Field()
  title!: string;

  @Field({ description: 'YYYY-MM-DD' })
  startedOn!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null while it runs.' })
  endedOn!: string | null;

  @Field(() => ProjectStatusEnum)
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
  @Field(() => Int)
  year!: number;

  @Field(() => Int)
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

  @Field()
  countyName!: string;

  @Field(() => Int, { description: 'Distinct companies.' })
  companies!: number;
}

@InputType('StartCatapultProjectInput')
export class StartProjectInput {
  @Field(() => ID)
  centreId!: string;

  @Field({ description: 'Nine digits, MOD11-checked.' })
  orgNumber!: string;

  @Limits({ maxLength: 200 })
  @Field()
  title!: string;

  @Field({ description: 'YYYY-MM-DD: not before the centre was designated, not after today.' })
  startedOn!: string;

  @Limits({ maxItems: 20, maxLength: 100 })
  @Field(() => [String], { nullable: true })
  services?: string[] | null;
}

@InputType('CompleteCatapultProjectInput')
export class CompleteProjectInput {
  @Field(() => ID)
  projectId!: string;

  @Field({ description: 'YYYY-MM-DD: not before it started, not after today.' })
  endedOn!: string;
}

@InputType('CatapultProjectFilter')
export class ProjectFilter {
  @Field(() => ID, { nullable: true })
  centreId?: string | null;

  @Field(() => String, { nullable: true })
  orgNumber?: string | null;

  @Field(() => Int, { nullable: true, description: 'Started in this year.' })
  startedIn?: number | null;

  @Field(() => ProjectStatusEnum, { nullable: true })
  status?: ProjectStatus | null;
}
