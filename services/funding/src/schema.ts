import type { SubgraphSchemaOptions, UnitOfWork } from '@klynge/platform';
import type { DataSource } from 'typeorm';
import { ApplicationQueries } from './applications/application.queries';
import { ApplicationResolver } from './applications/application.resolver';
import { ApplicationService } from './applications/application.service';
import { GrantQueries } from './grants/grant.queries';
import {
  ClusterFundingResolver,
  ClusterReference,
  GrantResolver,
  OrganizationFundingResolver,
  OrganizationReference,
} from './grants/grant.resolver';
import { GrantService } from './grants/grant.service';
import { ProgrammeQueries } from './programmes/programme.queries';
import { CallResolver, ProgrammeResolver } from './programmes/programme.resolver';
import { ProgrammeService } from './programmes/programme.service';
import { FundingStatisticsResolver } from './statistics/funding-statistics';

/** The funding subgraph: its resolvers, built with what they need, and its entity references. */
export function fundingSchema(dataSource: DataSource, unitOfWork: UnitOfWork): SubgraphSchemaOptions {
  const programmes = new ProgrammeQueries(dataSource);
  const applications = new ApplicationQueries(dataSource);
  const grants = new GrantQueries(dataSource);
  return {
    resolvers: [
      new ProgrammeResolver(new ProgrammeService(unitOfWork), programmes),
      new CallResolver(programmes),
      new ApplicationResolver(new ApplicationService(unitOfWork), applications, programmes, grants),
      new GrantResolver(new GrantService(unitOfWork), grants, applications, programmes),
      new ClusterFundingResolver(grants, applications),
      new OrganizationFundingResolver(grants),
      new FundingStatisticsResolver(dataSource),
    ],
    // No field returns these: the gateway reaches them through _entities.
    orphanedTypes: [ClusterReference, OrganizationReference],
    // Through the request's loaders: one query per type however many references arrive.
    referenceResolvers: {
      Agency: (reference, context) => programmes.agency(context, String(reference.code)),
      FundingProgramme: (reference, context) => programmes.programme(context, String(reference.code)),
      Application: (reference, context) => applications.byId(context, String(reference.id)),
      Grant: (reference, context) => grants.byId(context, String(reference.id)),
      // Clusters and organisations live in the clusters subgraph; funding only adds fields.
      Cluster: (reference) => ({ id: String(reference.id) }),
      Organization: (reference) => ({ orgNumber: String(reference.orgNumber) }),
    },
  };
}
