import {
  ClusterLevelChanged,
  ClusterRegistered,
  ClusterUpdated,
  MembershipEnded,
  MembershipStarted,
  OrganizationRegistered,
} from '@klynge/contracts';
import { createService, type Service, type ServiceDefinition, type SubgraphConfig } from '@klynge/platform';
import { ClusterEntity, ClusterLevelPeriodEntity } from './clusters/cluster.entity';
import { ClusterService } from './clusters/cluster.service';
import { clustersConfig } from './config';
import { programmeGrantsConsumer } from './grants/programme-grants.consumer';
import { MembershipEntity } from './memberships/membership.entity';
import { CreateClusterRegistry1795500000000 } from './migrations/1795500000000-create-cluster-registry';
import { OrganizationEntity } from './organizations/organization.entity';
import { clustersSchema } from './schema';

export const clusterEntities = [ClusterEntity, ClusterLevelPeriodEntity, OrganizationEntity, MembershipEntity];
export const clusterMigrations = [CreateClusterRegistry1795500000000];

/** Replaceable parts, for tests (a test caller) and embedded runs (another broker). */
export type ClustersServiceOptions = Pick<ServiceDefinition, 'authenticate' | 'broker' | 'logger'>;

export function clustersServiceDefinition(config: SubgraphConfig, options: ClustersServiceOptions = {}): ServiceDefinition {
  return {
    name: 'clusters',
    config,
    entities: clusterEntities,
    migrations: clusterMigrations,
    publishes: [ClusterRegistered, ClusterUpdated, ClusterLevelChanged, OrganizationRegistered, MembershipStarted, MembershipEnded],
    schema: ({ dataSource, unitOfWork }) => clustersSchema(dataSource, unitOfWork),
    consumers: ({ unitOfWork }) => [programmeGrantsConsumer(new ClusterService(unitOfWork))],
    ...options,
  };
}

/** The clusters subgraph service, built but not started. */
export function createClustersService(config: SubgraphConfig = clustersConfig.load(), options: ClustersServiceOptions = {}): Service {
  return createService(clustersServiceDefinition(config, options));
}
