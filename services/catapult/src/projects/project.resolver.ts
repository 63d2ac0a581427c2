import { type ConnectionPage, connectionOf, type RequestContext, PageArgs } from '@klynge/platform';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireProjectWriter } from '../auth';
import { OrganizationReference } from '../references';
import type { SchemeQueries } from '../scheme/scheme.queries';
import { type CentreRecord, CentreType } from '../scheme/centre.types';
import type { ProjectQueries } from './project.queries';
import type { ProjectService } from './project.service';
import {
  CompleteProjectInput,
  CountyReachType,
  ProjectFilter,
  type ProjectRecord,
  ProjectType,
  type ProjectYearRecord,
  ProjectYearType,
  StartProjectInput,
} from './project.types';

export const ProjectConnection = connectionOf(ProjectType, 'CatapultProject', 'catapult projects');

@Resolver(() => ProjectType)
export class ProjectResolver {
  constructor(
    private readonly projects: ProjectService,
    private readonly queries: ProjectQueries,
    private readonly scheme: SchemeQueries,
  ) {}

  @Query(() => ProjectType, { nullable: true, description: 'One catapult project, by id; null when there is none.' })
  catapultProject(
    @Arg('id', () => ID, { description: "The project's id." }) id: string,
    @Ctx() context: RequestContext,
  ): Promise<ProjectRecord | null> {
    return this.queries.byId(context, id);
  }

  @Query(() => ProjectConnection, { description: 'Catapult projects, the latest started first, a page at a time.' })
  catapultProjects(
    @Arg('filter', () => ProjectFilter, { nullable: true, description: 'Which projects; every one when left out.' })
    filter: ProjectFilter | undefined,
    @Args() page: PageArgs,
  ): Promise<ConnectionPage<ProjectRecord>> {
    return this.queries.list(filter ?? undefined, page.first, page.after ?? undefined);
  }

  @Query(() => [ProjectYearType], {
    description: 'Projects per centre per year started, with the SME share; for one centre or year, or all.',
  })
  catapultProjectsPerYear(
    @Arg('centreId', () => ID, { nullable: true, description: 'Only this centre; every centre when left out.' }) centreId?: string,
    @Arg('year', () => Int, { nullable: true, description: 'Only projects started this year; every year when left out.' }) year?: number,
  ): Promise<ProjectYearRecord[]> {
    return this.queries.perYear(centreId ?? undefined, year ?? undefined);
  }

  @Query(() => [CountyReachType], { description: 'Companies with a catapult project, by county; for one centre or all.' })
  catapultCompaniesByCounty(
    @Arg('centreId', () => ID, { nullable: true, description: 'Only this centre; every centre when left out.' }) centreId?: string,
  ): Promise<CountyReachType[]> {
    return this.queries.companiesByCounty(centreId ?? undefined);
  }

  @FieldResolver(() => CentreType, { description: 'The centre it runs at.' })
  async centre(@Root() project: ProjectRecord, @Ctx() context: RequestContext): Promise<CentreRecord> {
    return (await this.scheme.centre(context, project.centreId))!;
  }

  @FieldResolver(() => OrganizationReference, { description: 'The company, in the clusters subgraph.' })
  organization(@Root() project: ProjectRecord): OrganizationReference {
    return { orgNumber: project.orgNumber };
  }

  @Mutation(() => ProjectType, { description: "Enters a company's project at a centre. The centre's staff, caseworkers of siva, admins." })
  async startCatapultProject(
    @Arg('input', () => StartProjectInput, { description: 'The project.' }) input: StartProjectInput,
    @Ctx() context: RequestContext,
  ): Promise<ProjectRecord> {
    const { id } = await this.projects.start(input, (centreId) => requireProjectWriter(context.caller, centreId));
    return (await this.queries.byId(context, id))!;
  }

  @Mutation(() => ProjectType, { description: "Completes a project. The centre's staff, caseworkers of siva, admins." })
  async completeCatapultProject(
    @Arg('input', () => CompleteProjectInput, { description: 'Which project, and when it ended.' }) input: CompleteProjectInput,
    @Ctx() context: RequestContext,
  ): Promise<ProjectRecord> {
    const { id } = await this.projects.complete(input, (centreId) => requireProjectWriter(context.caller, centreId));
    return (await this.queries.byId(context, id))!;
  }
}

@Resolver(() => ProjectYearType)
export class ProjectYearResolver {
  constructor(private readonly scheme: SchemeQueries) {}

  @FieldResolver(() => CentreType, { description: 'The centre.' })
  async centre(@Root() row: ProjectYearRecord, @Ctx() context: RequestContext): Promise<CentreRecord> {
    return (await this.scheme.centre(context, row.centreId))!;
  }
}

@Resolver(() => OrganizationReference)
export class OrganizationProjectsResolver {
  constructor(private readonly queries: ProjectQueries) {}

  @FieldResolver(() => [ProjectType], { nullable: true, description: 'Its projects at catapult centres, the latest started first.' })
  catapultProjects(@Root() organization: OrganizationReference, @Ctx() context: RequestContext): Promise<ProjectRecord[]> {
    return this.queries.ofOrganization(context, organization.orgNumber);
  }
}
