import {
  AgencyRegistered,
  ApplicationCreated,
  ApplicationDecided,
  ApplicationReviewStarted,
  ApplicationSubmitted,
  ApplicationWithdrawn,
  BudgetAllocated,
  CallOpened,
  DisbursementPaid,
  GrantAwarded,
  GrantReported,
  ProgrammeCreated,
} from '@klynge/contracts';
import { defineSubgraph } from '@klynge/platform';
import {
  clusterDirectory,
  directoryMigrations,
  membershipDirectory,
  membershipMigrations,
  organizationDirectory,
  stubReferenceResolvers,
} from '@klynge/read-models';
import { ApplicationQueries } from './applications/application.queries';
import { ApplicationResolver } from './applications/application.resolver';
import { ApplicationService } from './applications/application.service';
import { GrantQueries } from './grants/grant.queries';
import { ClusterFundingResolver, GrantResolver, OrganizationFundingResolver } from './grants/grant.resolver';
import { GrantService } from './grants/grant.service';
import { CreateFunding1795600000000 } from './migrations/1795600000000-create-funding';
import { ReportedGrants1795600000001 } from './migrations/1795600000001-reported-grants';
import { ProgrammeUnknowns1795600000002 } from './migrations/1795600000002-programme-unknowns';
import { FunnelIndexes1795600000003 } from './migrations/1795600000003-funnel-indexes';
import { ProgrammeFacts1797000000002 } from './migrations/1797000000002-programme-facts';
import { ProgrammeQueries } from './programmes/programme.queries';
import { CallResolver, ProgrammeResolver } from './programmes/programme.resolver';
import { ProgrammeService } from './programmes/programme.service';
import { ClusterReference, OrganizationReference } from './references';
import { ReportedFigureQueries } from './reported-figures/reported-figure.queries';
import { ReportedFigureResolver } from './reported-figures/reported-figure.resolver';
import { fundingSeedReady, seedFunding } from './seed/seed-funding';
import { generateSyntheticFunding } from './seed/synthetic-data';
import { FundingStatisticsQueries } from './statistics/funding-statistics.queries';
import { FundingStatisticsResolver } from './statistics/funding-statistics.resolver';

/** The funding subgraph: agencies, programmes, budgets, calls, applications, grants and payments. */
export const subgraph = defineSubgraph({
  name: 'funding',
  migrations: [
    ...directoryMigrations,
    ...membershipMigrations,
    CreateFunding1795600000000,
    ReportedGrants1795600000001,
    ProgrammeUnknowns1795600000002,
    FunnelIndexes1795600000003,
    ProgrammeFacts1797000000002,
  ],
  publishes: [
    AgencyRegistered,
    ProgrammeCreated,
    CallOpened,
    BudgetAllocated,
    ApplicationCreated,
    ApplicationSubmitted,
    ApplicationReviewStarted,
    ApplicationWithdrawn,
    ApplicationDecided,
    GrantAwarded,
    GrantReported,
    DisbursementPaid,
  ],
  schema: ({ dataSource, unitOfWork }) => {
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
        new FundingStatisticsResolver(new FundingStatisticsQueries(dataSource)),
        new ReportedFigureResolver(new ReportedFigureQueries(dataSource)),
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
        ...stubReferenceResolvers,
      },
    };
  },
  // Clusters, organisations and memberships, from the clusters subgraph's events.
  consumers: () => [clusterDirectory, organizationDirectory, membershipDirectory],
  seed: { run: seedFunding, ready: fundingSeedReady },
  synthetic: generateSyntheticFunding,
});
