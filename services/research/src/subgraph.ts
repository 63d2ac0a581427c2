import { defineSubgraph } from '@klynge/platform';
import {
  clusterDirectory,
  directoryMigrations,
  membershipDirectory,
  membershipMigrations,
  organizationDirectory,
  stubReferenceResolvers,
} from '@klynge/read-models';
import { ActivityQueries } from './activities/activity.queries';
import { ActivityResolver, CallResolver } from './activities/activity.resolver';
import { CallService } from './activities/activity.service';
import { CreateResearch1796096854442 } from './migrations/1796096854442-create-research';
import { importCommand } from './projects/import/import-command';
import { ProjectImportService } from './projects/import/project-import.service';
import { ProjectQueries } from './projects/project.queries';
import { ClusterResearchResolver, OrganizationResearchResolver, PartnerResolver, ProjectResolver } from './projects/project.resolver';
import { ClusterReference, OrganizationReference } from './references';
import { CallRecorded, ProjectCompleted, ProjectGranted, ProjectUpdated } from './research.events';
import { seedResearch } from './seed/seed-research';

/** Forskningsrådet's subgraph: research projects as Prosjektbanken publishes them. */
export const subgraph = defineSubgraph({
  name: 'research',
  migrations: [...directoryMigrations, ...membershipMigrations, CreateResearch1796096854442],
  publishes: [ProjectGranted, ProjectUpdated, ProjectCompleted, CallRecorded],
  schema: ({ dataSource, unitOfWork }) => {
    const activities = new ActivityQueries(dataSource);
    const projects = new ProjectQueries(dataSource);
    return {
      resolvers: [
        new ActivityResolver(activities),
        new CallResolver(new CallService(unitOfWork), activities),
        new ProjectResolver(new ProjectImportService(unitOfWork), projects, activities),
        new PartnerResolver(),
        new ClusterResearchResolver(projects),
        new OrganizationResearchResolver(projects),
      ],
      // No field returns them directly: the gateway reaches them through _entities.
      orphanedTypes: [ClusterReference, OrganizationReference],
      referenceResolvers: {
        ResearchProject: (reference, context) => projects.byId(context, String(reference.id)),
        ResearchFundingActivity: (reference, context) => activities.activity(context, String(reference.code)),
        Cluster: stubReferenceResolvers.Cluster,
        Organization: stubReferenceResolvers.Organization,
      },
    };
  },
  // Clusters, organisations (with their county and municipality) and memberships, from the clusters subgraph's events.
  consumers: () => [clusterDirectory, organizationDirectory, membershipDirectory],
  seed: { run: seedResearch },
  commands: { import: importCommand },
});
