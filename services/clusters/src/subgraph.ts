import {
  ClusterLevelChanged,
  ClusterLevelEnded,
  ClusterRegistered,
  ClusterUpdated,
  MembershipEnded,
  MembershipStarted,
  OrganizationRegistered,
} from '@klynge/contracts';
import { defineSubgraph } from '@klynge/platform';
import { ClusterEntity, ClusterLevelPeriodEntity } from './clusters/cluster.entity';
import { ClusterQueries } from './clusters/cluster.queries';
import { ClusterResolver } from './clusters/cluster.resolver';
import { ClusterLevelPeriodType } from './clusters/cluster.types';
import { levelLabelResolver } from './clusters/level-label.resolver';
import { ClusterService } from './clusters/cluster.service';
import { programmeGrantsConsumer } from './grants/programme-grants.consumer';
import { MembershipEntity } from './memberships/membership.entity';
import { MembershipQueries } from './memberships/membership.queries';
import { ClusterMembersResolver, MembershipResolver, OrganizationMembershipsResolver } from './memberships/membership.resolver';
import { MembershipService } from './memberships/membership.service';
import { CreateClusterRegistry1795500000000 } from './migrations/1795500000000-create-cluster-registry';
import { LevelsEnd1795500000001 } from './migrations/1795500000001-levels-end';
import { ReportedLevelHistory1797000000000 } from './migrations/1797000000000-reported-level-history';
import { LatestLevelPeriodIndex1797000000001 } from './migrations/1797000000001-latest-level-period-index';
import { OrganizationEntity } from './organizations/organization.entity';
import { OrganizationQueries } from './organizations/organization.queries';
import { OrganizationResolver } from './organizations/organization.resolver';
import { OrganizationService } from './organizations/organization.service';
import { seedClusters } from './seed/seed-clusters';
import { generateSyntheticClusters } from './seed/synthetic-data';
import { ClusterCountsQueries } from './statistics/cluster-counts.queries';
import { ClusterCountsResolver } from './statistics/cluster-counts.resolver';
import { LevelCountType, LevelCountyCountType, LevelYearCountType } from './statistics/cluster-counts.types';

/** The clusters subgraph: the registry of clusters, their level history and member organisations. */
export const subgraph = defineSubgraph({
  name: 'clusters',
  entities: [ClusterEntity, ClusterLevelPeriodEntity, OrganizationEntity, MembershipEntity],
  migrations: [
    CreateClusterRegistry1795500000000,
    LevelsEnd1795500000001,
    ReportedLevelHistory1797000000000,
    LatestLevelPeriodIndex1797000000001,
  ],
  publishes: [
    ClusterRegistered,
    ClusterUpdated,
    ClusterLevelChanged,
    ClusterLevelEnded,
    OrganizationRegistered,
    MembershipStarted,
    MembershipEnded,
  ],
  schema: ({ dataSource, unitOfWork }) => {
    const clusters = new ClusterQueries(dataSource);
    const organizations = new OrganizationQueries(dataSource);
    const memberships = new MembershipQueries(dataSource);
    return {
      resolvers: [
        new ClusterResolver(new ClusterService(unitOfWork), clusters),
        new ClusterMembersResolver(memberships),
        new ClusterCountsResolver(new ClusterCountsQueries(dataSource)),
        ...[ClusterLevelPeriodType, LevelCountType, LevelCountyCountType, LevelYearCountType].map(levelLabelResolver),
        new OrganizationResolver(new OrganizationService(unitOfWork), organizations),
        new OrganizationMembershipsResolver(memberships),
        new MembershipResolver(new MembershipService(unitOfWork), clusters, organizations),
      ],
      // Through the request's loaders: however many references the gateway sends, one query per type.
      referenceResolvers: {
        Cluster: (reference, context) => clusters.byId(context, String(reference.id)),
        Organization: (reference, context) => organizations.byOrgNumber(context, String(reference.orgNumber)),
      },
    };
  },
  consumers: ({ unitOfWork }) => [programmeGrantsConsumer(new ClusterService(unitOfWork))],
  seed: { run: seedClusters },
  synthetic: generateSyntheticClusters,
});
