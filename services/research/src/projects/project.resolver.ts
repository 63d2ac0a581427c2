import { COUNTIES } from '@klynge/contracts';
import { AgencySupportYearType, type ConnectionPage, connectionOf, type RequestContext, PageArgs } from '@klynge/platform';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ActivityType } from '../activities/activity.types';
import type { ActivityQueries } from '../activities/activity.queries';
import { maySeePersonalData, requireResearchWriter } from '../auth';
import { ClusterReference, OrganizationReference } from '../references';
import type { ImportReport, ProjectImportService } from './import/project-import.service';
import type { ProjectQueries } from './project.queries';
import {
  AllocationGroupingEnum,
  type AllocationGrouping,
  AllocationGroupType,
  ImportProjectsInput,
  ImportReportType,
  PartnerType,
  ProjectFilter,
  type ProjectRecord,
  ProjectType,
  ResearchReachType,
} from './project.types';

export const ProjectConnection = connectionOf(ProjectType, 'ResearchProject', 'research projects');

@Resolver(() => ProjectType)
export class ProjectResolver {
  constructor(
    private readonly imports: ProjectImportService,
    private readonly queries: ProjectQueries,
    private readonly activities: ActivityQueries,
  ) {}

  @Query(() => ProjectType, {
    nullable: true,
    description: 'One project, by id or by project number (id wins when both are given); null when there is none or neither is given.',
  })
  async researchProject(
    @Ctx() context: RequestContext,
    @Arg('id', () => ID, { nullable: true, description: "The project's id in Klynge." }) id?: string,
    @Arg('projectNumber', () => String, {
      nullable: true,
      description: "Forskningsrådet's project number, written exactly, e.g. 184951/I30.",
    })
    projectNumber?: string,
  ): Promise<ProjectRecord | null> {
    if (id) return this.queries.byId(context, id);
    return projectNumber ? this.queries.byNumber(projectNumber) : null;
  }

  @Query(() => ProjectConnection, { description: 'Research projects, the latest started first, a page at a time.' })
  researchProjects(
    @Arg('filter', () => ProjectFilter, { nullable: true, description: 'Which projects; every one when left out.' })
    filter: ProjectFilter | undefined,
    @Args() page: PageArgs,
  ): Promise<ConnectionPage<ProjectRecord>> {
    return this.queries.list(filter ?? undefined, page.first, page.after ?? undefined);
  }

  @Query(() => [AllocationGroupType], {
    description: 'Allocations per year by application type, county or funding activity (amounts not split by year are left out).',
  })
  researchAllocations(
    @Arg('groupBy', () => AllocationGroupingEnum, { description: 'What to group by.' }) groupBy: AllocationGrouping,
    @Arg('year', () => Int, { nullable: true, description: 'Only this year; every year when left out.' }) year?: number,
  ): Promise<AllocationGroupType[]> {
    return this.queries.allocationsGrouped(groupBy, year ?? undefined);
  }

  @FieldResolver(() => ActivityType, { nullable: true, description: 'The funding activity it belongs to.' })
  activity(@Root() project: ProjectRecord, @Ctx() context: RequestContext): Promise<ActivityType | null> | null {
    return project.activityCode === null ? null : this.activities.activity(context, project.activityCode);
  }

  @FieldResolver(() => OrganizationReference, { description: 'The project owner, in the clusters subgraph.' })
  owner(@Root() project: ProjectRecord): OrganizationReference {
    return { orgNumber: project.ownerOrgNumber };
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The name of countyCode; null when countyCode is null or not a county from 2024.',
  })
  countyName(@Root() project: ProjectRecord): string | null {
    return project.countyCode === null ? null : (COUNTIES[project.countyCode] ?? null);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The project manager: personal data, shown only to admins and Forskningsrådet's caseworkers (null for anyone else).",
  })
  projectManager(@Root() project: ProjectRecord, @Ctx() context: RequestContext): string | null {
    return maySeePersonalData(context.caller) ? project.projectManager : null;
  }

  @Mutation(() => ImportReportType, {
    description:
      "Imports projects from a CSV file in Prosjektbanken's export layout: all of it, or nothing. Admins and caseworkers of forskningsradet.",
  })
  importResearchProjects(
    @Arg('input', () => ImportProjectsInput, { description: 'The file.' }) input: ImportProjectsInput,
    @Ctx() context: RequestContext,
  ): Promise<ImportReport> {
    return this.imports.importCsv(input.csv, () => requireResearchWriter(context.caller, 'import research projects'));
  }
}

@Resolver(() => PartnerType)
export class PartnerResolver {
  @FieldResolver(() => OrganizationReference, { description: 'The partner, in the clusters subgraph.' })
  organization(@Root() partner: PartnerType): OrganizationReference {
    return { orgNumber: partner.orgNumber };
  }
}

@Resolver(() => ClusterReference)
export class ClusterResearchResolver {
  constructor(private readonly queries: ProjectQueries) {}

  // Nullable, as fields added to another subgraph's entity: while this subgraph is down, the
  // gateway can still answer the rest of a query about the cluster.
  @FieldResolver(() => [ProjectType], { nullable: true, description: 'Research projects its current members own or take part in.' })
  researchProjects(@Root() cluster: ClusterReference, @Ctx() context: RequestContext): Promise<ProjectRecord[]> {
    return this.queries.ofCluster(context, cluster.id);
  }

  @FieldResolver(() => ResearchReachType, { nullable: true, description: 'How many of its current members have a research project.' })
  researchReach(@Root() cluster: ClusterReference, @Ctx() context: RequestContext): Promise<ResearchReachType> {
    return this.queries.reachOfCluster(context, cluster.id);
  }

  @FieldResolver(() => [AgencySupportYearType], {
    nullable: true,
    description: 'Allocated by Forskningsrådet to projects its current members own, per year, oldest first.',
  })
  researchSupportByYear(@Root() cluster: ClusterReference, @Ctx() context: RequestContext): Promise<AgencySupportYearType[]> {
    return this.queries.supportByYear(context, cluster.id);
  }
}

@Resolver(() => OrganizationReference)
export class OrganizationResearchResolver {
  constructor(private readonly queries: ProjectQueries) {}

  @FieldResolver(() => [ProjectType], {
    nullable: true,
    description: 'Research projects it owns or takes part in, the latest started first.',
  })
  researchProjects(@Root() organization: OrganizationReference, @Ctx() context: RequestContext): Promise<ProjectRecord[]> {
    return this.queries.ofOrganization(context, organization.orgNumber);
  }
}
