import { defineSubgraph } from '@klynge/platform';
import { clusterDirectory, directoryMigrations, organizationDirectory, stubReferenceResolvers } from '@klynge/read-models';
import { AllocationRecorded, CentreClosed, CentreDesignated, NodeSelected, ProjectCompleted, ProjectStarted } from './catapult.events';
import { CreateCatapult1796095566354 } from './migrations/1796095566354-create-catapult';
import { ProjectQueries } from './projects/project.queries';
import { OrganizationProjectsResolver, ProjectResolver, ProjectYearResolver } from './projects/project.resolver';
import { ProjectService } from './projects/project.service';
import { ClusterReference, OrganizationReference } from './references';
import { SchemeQueries } from './scheme/scheme.queries';
import { AllocationResolver, CentreResolver, ClusterCatapultResolver, NodeResolver } from './scheme/scheme.resolver';
import { SchemeService } from './scheme/scheme.service';
import { catapultSeedReady, seedCatapult } from './seed/seed-catapult';

/** Siva's subgraph: Norsk katapult's centres, regional nodes, allocations and companies' projects. */
export const subgraph = defineSubgraph({
  name: 'catapult',
  migrations: [...directoryMigrations, CreateCatapult1796095566354],
  publishes: [CentreDesignated, CentreClosed, NodeSelected, ProjectStarted, ProjectCompleted, AllocationRecorded],
  schema: ({ dataSource, unitOfWork }) => {
    const scheme = new SchemeQueries(dataSource);
    const schemeService = new SchemeService(unitOfWork);
    const projects = new ProjectQueries(dataSource);
    return {
      resolvers: [
        new CentreResolver(schemeService, scheme),
        new NodeResolver(schemeService, scheme),
        new AllocationResolver(schemeService, scheme),
        new ClusterCatapultResolver(scheme),
        new ProjectResolver(new ProjectService(unitOfWork), projects, scheme),
        new ProjectYearResolver(scheme),
        new OrganizationProjectsResolver(projects),
      ],
      // No field returns them directly: the gateway reaches them through _entities.
      orphanedTypes: [ClusterReference, OrganizationReference],
      referenceResolvers: {
        CatapultCentre: (reference, context) => scheme.centre(context, String(reference.id)),
        CatapultNode: (reference, context) => scheme.node(context, String(reference.id)),
        CatapultProject: (reference, context) => projects.byId(context, String(reference.id)),
        Cluster: stubReferenceResolvers.Cluster,
        Organization: stubReferenceResolvers.Organization,
      },
    };
  },
  // The clusters and organisations (with their size class) this subgraph has heard of, from the clusters subgraph's events.
  consumers: () => [clusterDirectory, organizationDirectory],
  seed: { run: seedCatapult, ready: catapultSeedReady },
});
