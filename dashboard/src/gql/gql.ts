/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  'query ApplicationFunnel {\n  applicationFunnel {\n    recorded\n    applied\n    granted\n    rejected\n    successRate\n    requested {\n      amount\n      currency\n    }\n    awarded {\n      amount\n      currency\n    }\n  }\n}': typeof types.ApplicationFunnelDocument;
  'query ClusterCatapult($slug: String!) {\n  cluster(slug: $slug) {\n    slug\n    catapultCentres {\n      id\n      name\n      theme\n      status\n    }\n    catapultNodes {\n      id\n      name\n    }\n  }\n}': typeof types.ClusterCatapultDocument;
  'query ClusterFunding($slug: String!) {\n  cluster(slug: $slug) {\n    slug\n    fundingTotal {\n      amount\n      currency\n    }\n    grants {\n      id\n      awardDate\n      awardDatePrecision\n      budgetYear\n      status\n      programme {\n        code\n        name\n      }\n      amountAwarded {\n        amount\n        currency\n      }\n      amountPaid {\n        amount\n        currency\n      }\n      giving360\n    }\n  }\n}': typeof types.ClusterFundingDocument;
  'query ClusterList {\n  clusters(first: 1000) {\n    totalCount\n    edges {\n      node {\n        slug\n        name\n        level\n        levelLabel\n        county {\n          code\n          name\n        }\n        memberStats {\n          memberCount\n        }\n      }\n    }\n  }\n}': typeof types.ClusterListDocument;
  'query ClusterProfile($slug: String!) {\n  cluster(slug: $slug) {\n    id\n    slug\n    name\n    shortName\n    level\n    levelLabel\n    county {\n      name\n    }\n    town\n    sectors\n    description\n    website\n    foundedYear\n    levelHistory {\n      level\n      levelLabel\n      fromYear\n      toYear\n      endedBy\n      basis\n      fromYearsReported\n      reason\n      claims {\n        says\n        year\n        source {\n          url\n          site\n        }\n      }\n    }\n    membersReported {\n      text\n      source {\n        url\n        site\n      }\n    }\n    memberStats {\n      recorded\n      memberCount\n      smeCount\n      sizeKnownCount\n      smeShare\n    }\n    members(first: 100) {\n      totalCount\n      edges {\n        node {\n          role\n          joinedOn\n          organization {\n            orgNumber\n            name\n            sizeClass\n          }\n        }\n      }\n    }\n  }\n}': typeof types.ClusterProfileDocument;
  'query ClusterProgrammes($slug: String!) {\n  cluster(slug: $slug) {\n    slug\n    hostedProgrammes {\n      id\n      name\n      status\n      themes\n      periodStart\n      periodStartPrecision\n      reach {\n        companiesReached\n        targetCompanies\n      }\n    }\n  }\n}': typeof types.ClusterProgrammesDocument;
  'query ClusterResearch($slug: String!) {\n  cluster(slug: $slug) {\n    slug\n    researchReach {\n      members\n      membersWithProject\n      share\n    }\n    researchProjects {\n      id\n      projectNumber\n      title\n      startYear\n      endYear\n      total {\n        amount\n        currency\n      }\n    }\n  }\n}': typeof types.ClusterResearchDocument;
  'query ClustersByCounty {\n  clusterCounts {\n    total\n    countyUnknown\n    byCounty {\n      county {\n        code\n        name\n      }\n      clusters\n    }\n    byLevelAndCounty {\n      level\n      levelLabel\n      county {\n        code\n      }\n      clusters\n    }\n  }\n}': typeof types.ClustersByCountyDocument;
  'query ClustersByLevel {\n  clusterCounts {\n    total\n    levelUnknown\n    byLevel {\n      level\n      levelLabel\n      clusters\n    }\n  }\n}': typeof types.ClustersByLevelDocument;
  'query ConversionEngine {\n  competenceProgrammes {\n    id\n    name\n    status\n    themes\n    periodStart\n    periodStartPrecision\n    periodEnd\n    periodEndPrecision\n    periodPhase\n    source\n    fundingProgramme {\n      code\n    }\n    hostClusters {\n      slug\n      name\n    }\n    reach {\n      recorded\n      companiesReached\n      targetCompanies\n      shareOfTarget\n      outsideClusters\n      outsideClusterShare\n      completed\n      dropped\n    }\n  }\n}': typeof types.ConversionEngineDocument;
  'query ConversionEngineAwards {\n  budgets(programmeCode: "OMSTILLINGSMOTOREN") {\n    year\n    amount {\n      amount\n      currency\n    }\n  }\n  grants(filter: {programmeCode: "OMSTILLINGSMOTOREN"}) {\n    edges {\n      node {\n        id\n        amountAwarded {\n          amount\n          currency\n        }\n        awardDate\n        awardDatePrecision\n        source\n        recipients {\n          name\n          clusterId\n        }\n      }\n    }\n  }\n}': typeof types.ConversionEngineAwardsDocument;
  'query FunnelByYear {\n  applicationFunnelByYear {\n    year\n    applied\n    granted\n    rejected\n    successRate\n  }\n}': typeof types.FunnelByYearDocument;
  'query LevelsOverTime {\n  clusterLevelsByYear {\n    year\n    level\n    levelLabel\n    clusters\n  }\n  clusterCounts {\n    undatedLevels\n  }\n}': typeof types.LevelsOverTimeDocument;
  'query ProgrammeReach($programmeId: ID!) {\n  reachByCounty(programmeId: $programmeId) {\n    countyCode\n    countyName\n    companies\n  }\n  completionsByTheme(programmeId: $programmeId) {\n    theme\n    completions\n  }\n}': typeof types.ProgrammeReachDocument;
  'query ReportedFigures {\n  reportedClusters: programmeFacts(kind: CLUSTERS) {\n    year\n    value\n    source {\n      url\n      site\n    }\n  }\n  reportedPerLevel: programmeFacts(kind: CLUSTERS_BY_LEVEL) {\n    year\n    value\n    fact\n    source {\n      url\n      site\n    }\n  }\n  clusterLevelsByYear {\n    year\n    clusters\n  }\n}': typeof types.ReportedFiguresDocument;
  'query SupportByAgencyAll {\n  fundingSeries(by: AGENCY) {\n    year\n    key\n    label\n    grants\n    granted {\n      amount\n      currency\n    }\n  }\n  catapultAllocationsByYear {\n    year\n    total {\n      amount\n      currency\n    }\n    totalIsLowerBound\n  }\n  researchAllocations(groupBy: APPLICATION_TYPE) {\n    year\n    projects\n    amount {\n      amount\n      currency\n    }\n  }\n}': typeof types.SupportByAgencyAllDocument;
  'query SupportByAgencyCounty {\n  clusters(first: 200) {\n    totalCount\n    edges {\n      node {\n        slug\n        county {\n          code\n          name\n        }\n        fundingSupportByYear {\n          agencyCode\n          amount {\n            amount\n            currency\n          }\n        }\n        catapultSupportByYear {\n          agencyCode\n          amount {\n            amount\n            currency\n          }\n        }\n        researchSupportByYear {\n          agencyCode\n          amount {\n            amount\n            currency\n          }\n        }\n      }\n    }\n  }\n}': typeof types.SupportByAgencyCountyDocument;
  'query SupportByCounty {\n  fundingBreakdown(by: COUNTY) {\n    ...SupportFigures\n  }\n}': typeof types.SupportByCountyDocument;
  'query SupportByYear {\n  fundingBreakdown(by: YEAR) {\n    ...SupportFigures\n  }\n}': typeof types.SupportByYearDocument;
  'fragment SupportFigures on FundingBreakdownRow {\n  key\n  label\n  grants\n  granted {\n    amount\n    currency\n  }\n  paid {\n    amount\n    currency\n  }\n}': typeof types.SupportFiguresFragmentDoc;
  'query SupportSeries($by: FundingDimension!) {\n  fundingSeries(by: $by) {\n    year\n    grants\n    paymentsRecorded\n    key\n    label\n    granted {\n      amount\n      currency\n    }\n    paid {\n      amount\n      currency\n    }\n  }\n}': typeof types.SupportSeriesDocument;
};
const documents: Documents = {
  'query ApplicationFunnel {\n  applicationFunnel {\n    recorded\n    applied\n    granted\n    rejected\n    successRate\n    requested {\n      amount\n      currency\n    }\n    awarded {\n      amount\n      currency\n    }\n  }\n}':
    types.ApplicationFunnelDocument,
  'query ClusterCatapult($slug: String!) {\n  cluster(slug: $slug) {\n    slug\n    catapultCentres {\n      id\n      name\n      theme\n      status\n    }\n    catapultNodes {\n      id\n      name\n    }\n  }\n}':
    types.ClusterCatapultDocument,
  'query ClusterFunding($slug: String!) {\n  cluster(slug: $slug) {\n    slug\n    fundingTotal {\n      amount\n      currency\n    }\n    grants {\n      id\n      awardDate\n      awardDatePrecision\n      budgetYear\n      status\n      programme {\n        code\n        name\n      }\n      amountAwarded {\n        amount\n        currency\n      }\n      amountPaid {\n        amount\n        currency\n      }\n      giving360\n    }\n  }\n}':
    types.ClusterFundingDocument,
  'query ClusterList {\n  clusters(first: 1000) {\n    totalCount\n    edges {\n      node {\n        slug\n        name\n        level\n        levelLabel\n        county {\n          code\n          name\n        }\n        memberStats {\n          memberCount\n        }\n      }\n    }\n  }\n}':
    types.ClusterListDocument,
  'query ClusterProfile($slug: String!) {\n  cluster(slug: $slug) {\n    id\n    slug\n    name\n    shortName\n    level\n    levelLabel\n    county {\n      name\n    }\n    town\n    sectors\n    description\n    website\n    foundedYear\n    levelHistory {\n      level\n      levelLabel\n      fromYear\n      toYear\n      endedBy\n      basis\n      fromYearsReported\n      reason\n      claims {\n        says\n        year\n        source {\n          url\n          site\n        }\n      }\n    }\n    membersReported {\n      text\n      source {\n        url\n        site\n      }\n    }\n    memberStats {\n      recorded\n      memberCount\n      smeCount\n      sizeKnownCount\n      smeShare\n    }\n    members(first: 100) {\n      totalCount\n      edges {\n        node {\n          role\n          joinedOn\n          organization {\n            orgNumber\n            name\n            sizeClass\n          }\n        }\n      }\n    }\n  }\n}':
    types.ClusterProfileDocument,
  'query ClusterProgrammes($slug: String!) {\n  cluster(slug: $slug) {\n    slug\n    hostedProgrammes {\n      id\n      name\n      status\n      themes\n      periodStart\n      periodStartPrecision\n      reach {\n        companiesReached\n        targetCompanies\n      }\n    }\n  }\n}':
    types.ClusterProgrammesDocument,
  'query ClusterResearch($slug: String!) {\n  cluster(slug: $slug) {\n    slug\n    researchReach {\n      members\n      membersWithProject\n      share\n    }\n    researchProjects {\n      id\n      projectNumber\n      title\n      startYear\n      endYear\n      total {\n        amount\n        currency\n      }\n    }\n  }\n}':
    types.ClusterResearchDocument,
  'query ClustersByCounty {\n  clusterCounts {\n    total\n    countyUnknown\n    byCounty {\n      county {\n        code\n        name\n      }\n      clusters\n    }\n    byLevelAndCounty {\n      level\n      levelLabel\n      county {\n        code\n      }\n      clusters\n    }\n  }\n}':
    types.ClustersByCountyDocument,
  'query ClustersByLevel {\n  clusterCounts {\n    total\n    levelUnknown\n    byLevel {\n      level\n      levelLabel\n      clusters\n    }\n  }\n}':
    types.ClustersByLevelDocument,
  'query ConversionEngine {\n  competenceProgrammes {\n    id\n    name\n    status\n    themes\n    periodStart\n    periodStartPrecision\n    periodEnd\n    periodEndPrecision\n    periodPhase\n    source\n    fundingProgramme {\n      code\n    }\n    hostClusters {\n      slug\n      name\n    }\n    reach {\n      recorded\n      companiesReached\n      targetCompanies\n      shareOfTarget\n      outsideClusters\n      outsideClusterShare\n      completed\n      dropped\n    }\n  }\n}':
    types.ConversionEngineDocument,
  'query ConversionEngineAwards {\n  budgets(programmeCode: "OMSTILLINGSMOTOREN") {\n    year\n    amount {\n      amount\n      currency\n    }\n  }\n  grants(filter: {programmeCode: "OMSTILLINGSMOTOREN"}) {\n    edges {\n      node {\n        id\n        amountAwarded {\n          amount\n          currency\n        }\n        awardDate\n        awardDatePrecision\n        source\n        recipients {\n          name\n          clusterId\n        }\n      }\n    }\n  }\n}':
    types.ConversionEngineAwardsDocument,
  'query FunnelByYear {\n  applicationFunnelByYear {\n    year\n    applied\n    granted\n    rejected\n    successRate\n  }\n}':
    types.FunnelByYearDocument,
  'query LevelsOverTime {\n  clusterLevelsByYear {\n    year\n    level\n    levelLabel\n    clusters\n  }\n  clusterCounts {\n    undatedLevels\n  }\n}':
    types.LevelsOverTimeDocument,
  'query ProgrammeReach($programmeId: ID!) {\n  reachByCounty(programmeId: $programmeId) {\n    countyCode\n    countyName\n    companies\n  }\n  completionsByTheme(programmeId: $programmeId) {\n    theme\n    completions\n  }\n}':
    types.ProgrammeReachDocument,
  'query ReportedFigures {\n  reportedClusters: programmeFacts(kind: CLUSTERS) {\n    year\n    value\n    source {\n      url\n      site\n    }\n  }\n  reportedPerLevel: programmeFacts(kind: CLUSTERS_BY_LEVEL) {\n    year\n    value\n    fact\n    source {\n      url\n      site\n    }\n  }\n  clusterLevelsByYear {\n    year\n    clusters\n  }\n}':
    types.ReportedFiguresDocument,
  'query SupportByAgencyAll {\n  fundingSeries(by: AGENCY) {\n    year\n    key\n    label\n    grants\n    granted {\n      amount\n      currency\n    }\n  }\n  catapultAllocationsByYear {\n    year\n    total {\n      amount\n      currency\n    }\n    totalIsLowerBound\n  }\n  researchAllocations(groupBy: APPLICATION_TYPE) {\n    year\n    projects\n    amount {\n      amount\n      currency\n    }\n  }\n}':
    types.SupportByAgencyAllDocument,
  'query SupportByAgencyCounty {\n  clusters(first: 200) {\n    totalCount\n    edges {\n      node {\n        slug\n        county {\n          code\n          name\n        }\n        fundingSupportByYear {\n          agencyCode\n          amount {\n            amount\n            currency\n          }\n        }\n        catapultSupportByYear {\n          agencyCode\n          amount {\n            amount\n            currency\n          }\n        }\n        researchSupportByYear {\n          agencyCode\n          amount {\n            amount\n            currency\n          }\n        }\n      }\n    }\n  }\n}':
    types.SupportByAgencyCountyDocument,
  'query SupportByCounty {\n  fundingBreakdown(by: COUNTY) {\n    ...SupportFigures\n  }\n}': types.SupportByCountyDocument,
  'query SupportByYear {\n  fundingBreakdown(by: YEAR) {\n    ...SupportFigures\n  }\n}': types.SupportByYearDocument,
  'fragment SupportFigures on FundingBreakdownRow {\n  key\n  label\n  grants\n  granted {\n    amount\n    currency\n  }\n  paid {\n    amount\n    currency\n  }\n}':
    types.SupportFiguresFragmentDoc,
  'query SupportSeries($by: FundingDimension!) {\n  fundingSeries(by: $by) {\n    year\n    grants\n    paymentsRecorded\n    key\n    label\n    granted {\n      amount\n      currency\n    }\n    paid {\n      amount\n      currency\n    }\n  }\n}':
    types.SupportSeriesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query ApplicationFunnel {\n  applicationFunnel {\n    recorded\n    applied\n    granted\n    rejected\n    successRate\n    requested {\n      amount\n      currency\n    }\n    awarded {\n      amount\n      currency\n    }\n  }\n}',
): (typeof documents)['query ApplicationFunnel {\n  applicationFunnel {\n    recorded\n    applied\n    granted\n    rejected\n    successRate\n    requested {\n      amount\n      currency\n    }\n    awarded {\n      amount\n      currency\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query ClusterCatapult($slug: String!) {\n  cluster(slug: $slug) {\n    slug\n    catapultCentres {\n      id\n      name\n      theme\n      status\n    }\n    catapultNodes {\n      id\n      name\n    }\n  }\n}',
): (typeof documents)['query ClusterCatapult($slug: String!) {\n  cluster(slug: $slug) {\n    slug\n    catapultCentres {\n      id\n      name\n      theme\n      status\n    }\n    catapultNodes {\n      id\n      name\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query ClusterFunding($slug: String!) {\n  cluster(slug: $slug) {\n    slug\n    fundingTotal {\n      amount\n      currency\n    }\n    grants {\n      id\n      awardDate\n      awardDatePrecision\n      budgetYear\n      status\n      programme {\n        code\n        name\n      }\n      amountAwarded {\n        amount\n        currency\n      }\n      amountPaid {\n        amount\n        currency\n      }\n      giving360\n    }\n  }\n}',
): (typeof documents)['query ClusterFunding($slug: String!) {\n  cluster(slug: $slug) {\n    slug\n    fundingTotal {\n      amount\n      currency\n    }\n    grants {\n      id\n      awardDate\n      awardDatePrecision\n      budgetYear\n      status\n      programme {\n        code\n        name\n      }\n      amountAwarded {\n        amount\n        currency\n      }\n      amountPaid {\n        amount\n        currency\n      }\n      giving360\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query ClusterList {\n  clusters(first: 1000) {\n    totalCount\n    edges {\n      node {\n        slug\n        name\n        level\n        levelLabel\n        county {\n          code\n          name\n        }\n        memberStats {\n          memberCount\n        }\n      }\n    }\n  }\n}',
): (typeof documents)['query ClusterList {\n  clusters(first: 1000) {\n    totalCount\n    edges {\n      node {\n        slug\n        name\n        level\n        levelLabel\n        county {\n          code\n          name\n        }\n        memberStats {\n          memberCount\n        }\n      }\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query ClusterProfile($slug: String!) {\n  cluster(slug: $slug) {\n    id\n    slug\n    name\n    shortName\n    level\n    levelLabel\n    county {\n      name\n    }\n    town\n    sectors\n    description\n    website\n    foundedYear\n    levelHistory {\n      level\n      levelLabel\n      fromYear\n      toYear\n      endedBy\n      basis\n      fromYearsReported\n      reason\n      claims {\n        says\n        year\n        source {\n          url\n          site\n        }\n      }\n    }\n    membersReported {\n      text\n      source {\n        url\n        site\n      }\n    }\n    memberStats {\n      recorded\n      memberCount\n      smeCount\n      sizeKnownCount\n      smeShare\n    }\n    members(first: 100) {\n      totalCount\n      edges {\n        node {\n          role\n          joinedOn\n          organization {\n            orgNumber\n            name\n            sizeClass\n          }\n        }\n      }\n    }\n  }\n}',
): (typeof documents)['query ClusterProfile($slug: String!) {\n  cluster(slug: $slug) {\n    id\n    slug\n    name\n    shortName\n    level\n    levelLabel\n    county {\n      name\n    }\n    town\n    sectors\n    description\n    website\n    foundedYear\n    levelHistory {\n      level\n      levelLabel\n      fromYear\n      toYear\n      endedBy\n      basis\n      fromYearsReported\n      reason\n      claims {\n        says\n        year\n        source {\n          url\n          site\n        }\n      }\n    }\n    membersReported {\n      text\n      source {\n        url\n        site\n      }\n    }\n    memberStats {\n      recorded\n      memberCount\n      smeCount\n      sizeKnownCount\n      smeShare\n    }\n    members(first: 100) {\n      totalCount\n      edges {\n        node {\n          role\n          joinedOn\n          organization {\n            orgNumber\n            name\n            sizeClass\n          }\n        }\n      }\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query ClusterProgrammes($slug: String!) {\n  cluster(slug: $slug) {\n    slug\n    hostedProgrammes {\n      id\n      name\n      status\n      themes\n      periodStart\n      periodStartPrecision\n      reach {\n        companiesReached\n        targetCompanies\n      }\n    }\n  }\n}',
): (typeof documents)['query ClusterProgrammes($slug: String!) {\n  cluster(slug: $slug) {\n    slug\n    hostedProgrammes {\n      id\n      name\n      status\n      themes\n      periodStart\n      periodStartPrecision\n      reach {\n        companiesReached\n        targetCompanies\n      }\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query ClusterResearch($slug: String!) {\n  cluster(slug: $slug) {\n    slug\n    researchReach {\n      members\n      membersWithProject\n      share\n    }\n    researchProjects {\n      id\n      projectNumber\n      title\n      startYear\n      endYear\n      total {\n        amount\n        currency\n      }\n    }\n  }\n}',
): (typeof documents)['query ClusterResearch($slug: String!) {\n  cluster(slug: $slug) {\n    slug\n    researchReach {\n      members\n      membersWithProject\n      share\n    }\n    researchProjects {\n      id\n      projectNumber\n      title\n      startYear\n      endYear\n      total {\n        amount\n        currency\n      }\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query ClustersByCounty {\n  clusterCounts {\n    total\n    countyUnknown\n    byCounty {\n      county {\n        code\n        name\n      }\n      clusters\n    }\n    byLevelAndCounty {\n      level\n      levelLabel\n      county {\n        code\n      }\n      clusters\n    }\n  }\n}',
): (typeof documents)['query ClustersByCounty {\n  clusterCounts {\n    total\n    countyUnknown\n    byCounty {\n      county {\n        code\n        name\n      }\n      clusters\n    }\n    byLevelAndCounty {\n      level\n      levelLabel\n      county {\n        code\n      }\n      clusters\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query ClustersByLevel {\n  clusterCounts {\n    total\n    levelUnknown\n    byLevel {\n      level\n      levelLabel\n      clusters\n    }\n  }\n}',
): (typeof documents)['query ClustersByLevel {\n  clusterCounts {\n    total\n    levelUnknown\n    byLevel {\n      level\n      levelLabel\n      clusters\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query ConversionEngine {\n  competenceProgrammes {\n    id\n    name\n    status\n    themes\n    periodStart\n    periodStartPrecision\n    periodEnd\n    periodEndPrecision\n    periodPhase\n    source\n    fundingProgramme {\n      code\n    }\n    hostClusters {\n      slug\n      name\n    }\n    reach {\n      recorded\n      companiesReached\n      targetCompanies\n      shareOfTarget\n      outsideClusters\n      outsideClusterShare\n      completed\n      dropped\n    }\n  }\n}',
): (typeof documents)['query ConversionEngine {\n  competenceProgrammes {\n    id\n    name\n    status\n    themes\n    periodStart\n    periodStartPrecision\n    periodEnd\n    periodEndPrecision\n    periodPhase\n    source\n    fundingProgramme {\n      code\n    }\n    hostClusters {\n      slug\n      name\n    }\n    reach {\n      recorded\n      companiesReached\n      targetCompanies\n      shareOfTarget\n      outsideClusters\n      outsideClusterShare\n      completed\n      dropped\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query ConversionEngineAwards {\n  budgets(programmeCode: "OMSTILLINGSMOTOREN") {\n    year\n    amount {\n      amount\n      currency\n    }\n  }\n  grants(filter: {programmeCode: "OMSTILLINGSMOTOREN"}) {\n    edges {\n      node {\n        id\n        amountAwarded {\n          amount\n          currency\n        }\n        awardDate\n        awardDatePrecision\n        source\n        recipients {\n          name\n          clusterId\n        }\n      }\n    }\n  }\n}',
): (typeof documents)['query ConversionEngineAwards {\n  budgets(programmeCode: "OMSTILLINGSMOTOREN") {\n    year\n    amount {\n      amount\n      currency\n    }\n  }\n  grants(filter: {programmeCode: "OMSTILLINGSMOTOREN"}) {\n    edges {\n      node {\n        id\n        amountAwarded {\n          amount\n          currency\n        }\n        awardDate\n        awardDatePrecision\n        source\n        recipients {\n          name\n          clusterId\n        }\n      }\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query FunnelByYear {\n  applicationFunnelByYear {\n    year\n    applied\n    granted\n    rejected\n    successRate\n  }\n}',
): (typeof documents)['query FunnelByYear {\n  applicationFunnelByYear {\n    year\n    applied\n    granted\n    rejected\n    successRate\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query LevelsOverTime {\n  clusterLevelsByYear {\n    year\n    level\n    levelLabel\n    clusters\n  }\n  clusterCounts {\n    undatedLevels\n  }\n}',
): (typeof documents)['query LevelsOverTime {\n  clusterLevelsByYear {\n    year\n    level\n    levelLabel\n    clusters\n  }\n  clusterCounts {\n    undatedLevels\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query ProgrammeReach($programmeId: ID!) {\n  reachByCounty(programmeId: $programmeId) {\n    countyCode\n    countyName\n    companies\n  }\n  completionsByTheme(programmeId: $programmeId) {\n    theme\n    completions\n  }\n}',
): (typeof documents)['query ProgrammeReach($programmeId: ID!) {\n  reachByCounty(programmeId: $programmeId) {\n    countyCode\n    countyName\n    companies\n  }\n  completionsByTheme(programmeId: $programmeId) {\n    theme\n    completions\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query ReportedFigures {\n  reportedClusters: programmeFacts(kind: CLUSTERS) {\n    year\n    value\n    source {\n      url\n      site\n    }\n  }\n  reportedPerLevel: programmeFacts(kind: CLUSTERS_BY_LEVEL) {\n    year\n    value\n    fact\n    source {\n      url\n      site\n    }\n  }\n  clusterLevelsByYear {\n    year\n    clusters\n  }\n}',
): (typeof documents)['query ReportedFigures {\n  reportedClusters: programmeFacts(kind: CLUSTERS) {\n    year\n    value\n    source {\n      url\n      site\n    }\n  }\n  reportedPerLevel: programmeFacts(kind: CLUSTERS_BY_LEVEL) {\n    year\n    value\n    fact\n    source {\n      url\n      site\n    }\n  }\n  clusterLevelsByYear {\n    year\n    clusters\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query SupportByAgencyAll {\n  fundingSeries(by: AGENCY) {\n    year\n    key\n    label\n    grants\n    granted {\n      amount\n      currency\n    }\n  }\n  catapultAllocationsByYear {\n    year\n    total {\n      amount\n      currency\n    }\n    totalIsLowerBound\n  }\n  researchAllocations(groupBy: APPLICATION_TYPE) {\n    year\n    projects\n    amount {\n      amount\n      currency\n    }\n  }\n}',
): (typeof documents)['query SupportByAgencyAll {\n  fundingSeries(by: AGENCY) {\n    year\n    key\n    label\n    grants\n    granted {\n      amount\n      currency\n    }\n  }\n  catapultAllocationsByYear {\n    year\n    total {\n      amount\n      currency\n    }\n    totalIsLowerBound\n  }\n  researchAllocations(groupBy: APPLICATION_TYPE) {\n    year\n    projects\n    amount {\n      amount\n      currency\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query SupportByAgencyCounty {\n  clusters(first: 200) {\n    totalCount\n    edges {\n      node {\n        slug\n        county {\n          code\n          name\n        }\n        fundingSupportByYear {\n          agencyCode\n          amount {\n            amount\n            currency\n          }\n        }\n        catapultSupportByYear {\n          agencyCode\n          amount {\n            amount\n            currency\n          }\n        }\n        researchSupportByYear {\n          agencyCode\n          amount {\n            amount\n            currency\n          }\n        }\n      }\n    }\n  }\n}',
): (typeof documents)['query SupportByAgencyCounty {\n  clusters(first: 200) {\n    totalCount\n    edges {\n      node {\n        slug\n        county {\n          code\n          name\n        }\n        fundingSupportByYear {\n          agencyCode\n          amount {\n            amount\n            currency\n          }\n        }\n        catapultSupportByYear {\n          agencyCode\n          amount {\n            amount\n            currency\n          }\n        }\n        researchSupportByYear {\n          agencyCode\n          amount {\n            amount\n            currency\n          }\n        }\n      }\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query SupportByCounty {\n  fundingBreakdown(by: COUNTY) {\n    ...SupportFigures\n  }\n}',
): (typeof documents)['query SupportByCounty {\n  fundingBreakdown(by: COUNTY) {\n    ...SupportFigures\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query SupportByYear {\n  fundingBreakdown(by: YEAR) {\n    ...SupportFigures\n  }\n}',
): (typeof documents)['query SupportByYear {\n  fundingBreakdown(by: YEAR) {\n    ...SupportFigures\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'fragment SupportFigures on FundingBreakdownRow {\n  key\n  label\n  grants\n  granted {\n    amount\n    currency\n  }\n  paid {\n    amount\n    currency\n  }\n}',
): (typeof documents)['fragment SupportFigures on FundingBreakdownRow {\n  key\n  label\n  grants\n  granted {\n    amount\n    currency\n  }\n  paid {\n    amount\n    currency\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query SupportSeries($by: FundingDimension!) {\n  fundingSeries(by: $by) {\n    year\n    grants\n    paymentsRecorded\n    key\n    label\n    granted {\n      amount\n      currency\n    }\n    paid {\n      amount\n      currency\n    }\n  }\n}',
): (typeof documents)['query SupportSeries($by: FundingDimension!) {\n  fundingSeries(by: $by) {\n    year\n    grants\n    paymentsRecorded\n    key\n    label\n    granted {\n      amount\n      currency\n    }\n    paid {\n      amount\n      currency\n    }\n  }\n}'];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never;
