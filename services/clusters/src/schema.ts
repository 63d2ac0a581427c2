import type { SubgraphSchemaOptions, UnitOfWork } from '@klynge/platform';
import type { DataSource } from 'typeorm';
import { ClusterQueries } from './clusters/cluster.queries';
import { ClusterResolver } from './clusters/cluster.resolver';
import { ClusterService } from './clusters/cluster.service';
import { MembershipQueries } from './memberships/membership.queries';
import { ClusterMembersResolver, MembershipResolver, OrganizationMembershipsResolver } from './memberships/membership.resolver';
import { MembershipService } from './memberships/membership.service';
import { OrganizationQueries } from './organizations/organization.queries';
import { OrganizationResolver } from './organizations/organization.resolver';
import { OrganizationService } from './organizations/organization.service';
import { ClusterCountsResolver } from './statistics/cluster-counts';

/** The clusters subgraph: its resolvers, built with what they need, and its entity references. */
export function clustersSchema(dataSource: DataSource, unitOfWork: UnitOfWork): SubgraphSchemaOptions {
  const clusters = new ClusterQueries(dataSource);
  const organizations = new OrganizationQueries(dataSource);
  const memberships = new MembershipQueries(dataSource);
  return {
    resolvers: [
      new ClusterResolver(new ClusterService(unitOfWork), clusters),
      new ClusterMembersResolver(memberships),
      new ClusterCountsResolver(dataSource),
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
}
