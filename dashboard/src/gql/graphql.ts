/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** DESIGNATED: designated by Siva, and not known to have closed. CLOSED: no longer a catapult centre. */
export type CatapultCentreStatus =
  /** No longer a catapult centre (see closedOn). */
  | 'CLOSED'
  /** Designated by Siva, and not known to have closed. */
  | 'DESIGNATED';

/** What a catapult centre lets companies test, simulate and qualify. */
export type CatapultTheme =
  /** Digitalisation, e.g. Digicat in Ålesund. */
  | 'DIGITALISATION'
  /** Energy, e.g. Sustainable Energy at Stord. */
  | 'ENERGY'
  /** Manufacturing technology, e.g. the Manufacturing Technology centre at Raufoss. */
  | 'MANUFACTURING_TECHNOLOGY'
  /** Materials, e.g. Future Materials (FutureMat) in Agder. */
  | 'MATERIALS'
  /** Ocean technology, e.g. Ocean Innovation in Bergen. */
  | 'OCEAN'
  /** Any other theme. */
  | 'OTHER';

/** Programme levels: ARENA (early phase), ARENA_PRO (from 2019), NCE (a level until 2018), GCE. */
export type ClusterLevel =
  /** Arena: the early phase of a cluster (3 years from 2019). */
  | 'ARENA'
  /** Arena Pro: a level introduced with the programme of 2019 (5 years). */
  | 'ARENA_PRO'
  /** Global Centres of Expertise: a global position (10 years from 2019). */
  | 'GCE'
  /** Norwegian Centres of Expertise: a level with a national position until 2018. From 2019 a brand rather than a level, so an NCE period ends with 2018 unless a source says otherwise. */
  | 'NCE';

/** PLANNED -> OPEN (once its grant is awarded) -> RUNNING -> COMPLETED, or CANCELLED. */
export type CompetenceProgrammeStatus =
  /** Called off before it completed. */
  | 'CANCELLED'
  /** Ended as planned. */
  | 'COMPLETED'
  /** Its grant is awarded: it takes enrolments. */
  | 'OPEN'
  /** Planned; not yet taking enrolments. */
  | 'PLANNED'
  /** Under way: it still takes enrolments while it has room. */
  | 'RUNNING';

/** How exact a date is: MONTH or YEAR when a source gives no day. The date is then the first day of that month or year (the last, for the end of a period). */
export type DatePrecision =
  /** The date is exact to the day. */
  | 'DAY'
  /** Only the month is known: the date is the first (or, for the end of a period, the last) day of it. */
  | 'MONTH'
  /** Only the year is known: the date is 1 January (or, for the end of a period, 31 December) of it. */
  | 'YEAR';

/** What to break funding down by. */
export type FundingDimension =
  /** By the agency whose programme granted it. */
  | 'AGENCY'
  /** By the recipients' county; key "unknown" for a grant whose recipients' county is not known or that went to several counties, so each grant counts once. */
  | 'COUNTY'
  /** By programme. */
  | 'PROGRAMME'
  /** By the budget year a grant is charged to. */
  | 'YEAR';

/** What a source says of a level period. */
export type LevelClaimKind =
  /** That it ended, in year (null when the source gives none). */
  | 'END'
  /** That the cluster held the level (in year, where the source dates it). */
  | 'HELD'
  /** That it began, in year. */
  | 'START';

/** Where a level period comes from. */
export type LevelPeriodBasis =
  /** Decided or entered in Klynge (a funding decision, a level change). */
  | 'RECORDED'
  /** As public sources report it: see sources, and endedBy for how its end is known. */
  | 'REPORTED';

/** How a reported period's end is known. */
export type LevelPeriodEnd =
  /** No source ends it: NCE stopped being a level with 2018 (the 2019 programme). */
  | 'LEVEL_ENDED'
  /** No source ends it: it ends when the cluster's next level began. */
  | 'NEXT_LEVEL'
  /** A source says it ended (in toYear; when toYear is null, without saying the year). */
  | 'SOURCE'
  /** No source ends it: the level's term from its start (Arena 3 years, Arena Pro 5, GCE 10; a reported extension adds 2). An estimate, said as such. */
  | 'TERM';

/** MEMBER, PARTNER, or HOST (the host or facilitator of the cluster). */
export type MembershipRole =
  /** The host or facilitator of the cluster. */
  | 'HOST'
  /** A member of the cluster. */
  | 'MEMBER'
  /** A partner of the cluster. */
  | 'PARTNER';

/** Where today falls against a programme's period, as its dates say (for a reported programme, beside the status its source supports). */
export type ProgrammePeriodPhase =
  /** Its period has passed (whether it ended as planned, no date says). */
  | 'AFTER'
  /** Its period has not begun. */
  | 'BEFORE'
  /** Today is within its period. */
  | 'DURING'
  /** It has begun, and no end is known: whether it still runs, its dates do not say. */
  | 'NOT_KNOWN';

/** By the EU SME definition on headcount: SME under 250 employees. */
export type SizeClass =
  /** 250 employees or more. */
  | 'LARGE'
  /** Fewer than 250 employees. */
  | 'SME';

export type ApplicationFunnelQueryVariables = Exact<{ [key: string]: never; }>;


export type ApplicationFunnelQuery = { applicationFunnel: { recorded: boolean, applied: number | null, granted: number | null, rejected: number | null, successRate: number | null, requested: { amount: string, currency: string } | null, awarded: { amount: string, currency: string } | null } };

export type ClusterCatapultQueryVariables = Exact<{
  slug: string;
}>;


export type ClusterCatapultQuery = { cluster: { slug: string, catapultCentres: Array<{ id: string, name: string, theme: CatapultTheme, status: CatapultCentreStatus }> | null, catapultNodes: Array<{ id: string, name: string }> | null } | null };

export type ClusterFundingQueryVariables = Exact<{
  slug: string;
}>;


export type ClusterFundingQuery = { cluster: { slug: string, fundingTotal: { amount: string, currency: string } | null, grants: Array<{ id: string, awardDate: string, awardDatePrecision: DatePrecision, budgetYear: number, status: string, giving360: Record<string, unknown>, programme: { code: string, name: string }, amountAwarded: { amount: string, currency: string }, amountPaid: { amount: string, currency: string } | null }> | null } | null };

export type ClusterListQueryVariables = Exact<{ [key: string]: never; }>;


export type ClusterListQuery = { clusters: { totalCount: number, edges: Array<{ node: { slug: string, name: string, level: ClusterLevel | null, levelLabel: string | null, county: { code: string, name: string } | null, memberStats: { memberCount: number | null } } }> } };

export type ClusterProfileQueryVariables = Exact<{
  slug: string;
}>;


export type ClusterProfileQuery = { cluster: { id: string, slug: string, name: string, shortName: string | null, level: ClusterLevel | null, levelLabel: string | null, town: string | null, sectors: Array<string>, description: string | null, website: string | null, foundedYear: number | null, county: { name: string } | null, levelHistory: Array<{ level: ClusterLevel, levelLabel: string, fromYear: number | null, toYear: number | null, endedBy: LevelPeriodEnd | null, basis: LevelPeriodBasis, fromYearsReported: Array<number>, reason: string, claims: Array<{ says: LevelClaimKind, year: number | null, source: { url: string, site: string } }> }>, membersReported: Array<{ text: string, source: { url: string, site: string } }>, memberStats: { recorded: boolean, memberCount: number | null, smeCount: number | null, sizeKnownCount: number | null, smeShare: number | null }, members: { totalCount: number, edges: Array<{ node: { role: MembershipRole, joinedOn: string, organization: { orgNumber: string, name: string, sizeClass: SizeClass | null } } }> } } | null };

export type ClusterProgrammesQueryVariables = Exact<{
  slug: string;
}>;


export type ClusterProgrammesQuery = { cluster: { slug: string, hostedProgrammes: Array<{ id: string, name: string, status: CompetenceProgrammeStatus, themes: Array<string>, periodStart: string, periodStartPrecision: DatePrecision, periodPhase: ProgrammePeriodPhase, reach: { companiesReached: number | null, targetCompanies: number | null } }> | null } | null };

export type ClusterResearchQueryVariables = Exact<{
  slug: string;
}>;


export type ClusterResearchQuery = { cluster: { slug: string, researchReach: { members: number, membersWithProject: number, share: number | null } | null, researchProjects: Array<{ id: string, projectNumber: string, title: string, startYear: number, endYear: number, total: { amount: string, currency: string } }> | null } | null };

export type ClustersByCountyQueryVariables = Exact<{ [key: string]: never; }>;


export type ClustersByCountyQuery = { clusterCounts: { total: number, countyUnknown: number, byCounty: Array<{ clusters: number, county: { code: string, name: string } }>, byLevelAndCounty: Array<{ level: ClusterLevel, levelLabel: string, clusters: number, county: { code: string } }> } };

export type ClustersByLevelQueryVariables = Exact<{ [key: string]: never; }>;


export type ClustersByLevelQuery = { clusterCounts: { total: number, levelUnknown: number, byLevel: Array<{ level: ClusterLevel, levelLabel: string, clusters: number }> } };

export type ConversionEngineQueryVariables = Exact<{ [key: string]: never; }>;


export type ConversionEngineQuery = { competenceProgrammes: Array<{ id: string, name: string, status: CompetenceProgrammeStatus, themes: Array<string>, periodStart: string, periodStartPrecision: DatePrecision, periodEnd: string | null, periodEndPrecision: DatePrecision | null, periodPhase: ProgrammePeriodPhase, source: string | null, fundingProgramme: { code: string } | null, hostClusters: Array<{ slug: string, name: string }>, reach: { recorded: boolean, companiesReached: number | null, targetCompanies: number | null, shareOfTarget: number | null, outsideClusters: number | null, outsideClusterShare: number | null, completed: number | null, dropped: number | null } }> };

export type ConversionEngineAwardsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConversionEngineAwardsQuery = { budgets: Array<{ year: number, amount: { amount: string, currency: string } }>, grants: { edges: Array<{ node: { id: string, awardDate: string, awardDatePrecision: DatePrecision, source: string | null, amountAwarded: { amount: string, currency: string }, recipients: Array<{ name: string | null, clusterId: string | null }> } }> } };

export type FunnelByYearQueryVariables = Exact<{ [key: string]: never; }>;


export type FunnelByYearQuery = { applicationFunnelByYear: Array<{ year: number, applied: number | null, granted: number | null, rejected: number | null, successRate: number | null }> };

export type LevelsOverTimeQueryVariables = Exact<{ [key: string]: never; }>;


export type LevelsOverTimeQuery = { clusterLevelsByYear: Array<{ year: number, level: ClusterLevel, levelLabel: string, clusters: number }>, clusterCounts: { undatedLevels: number } };

export type ProgrammeReachQueryVariables = Exact<{
  programmeId: string | number;
}>;


export type ProgrammeReachQuery = { reachByCounty: Array<{ countyCode: string, countyName: string, companies: number }>, completionsByTheme: Array<{ theme: string, completions: number }> };

export type ReportedFiguresQueryVariables = Exact<{ [key: string]: never; }>;


export type ReportedFiguresQuery = { reportedClusters: Array<{ year: number | null, value: string, source: { url: string, site: string } }>, reportedPerLevel: Array<{ year: number | null, value: string, fact: string, source: { url: string, site: string } }>, clusterLevelsByYear: Array<{ year: number, clusters: number }> };

export type SupportByAgencyAllQueryVariables = Exact<{ [key: string]: never; }>;


export type SupportByAgencyAllQuery = { fundingSeries: Array<{ year: number, key: string, label: string, grants: number, granted: { amount: string, currency: string } | null }>, catapultAllocationsByYear: Array<{ year: number, totalIsLowerBound: boolean, total: { amount: string, currency: string } }>, researchAllocations: Array<{ year: number, projects: number, amount: { amount: string, currency: string } }> };

export type SupportByAgencyCountyQueryVariables = Exact<{ [key: string]: never; }>;


export type SupportByAgencyCountyQuery = { clusters: { totalCount: number, edges: Array<{ node: { slug: string, county: { code: string, name: string } | null, fundingSupportByYear: Array<{ agencyCode: string, amount: { amount: string, currency: string } }> | null, catapultSupportByYear: Array<{ agencyCode: string, amount: { amount: string, currency: string } }> | null, researchSupportByYear: Array<{ agencyCode: string, amount: { amount: string, currency: string } }> | null } }> } };

export type SupportByCountyQueryVariables = Exact<{ [key: string]: never; }>;


export type SupportByCountyQuery = { fundingBreakdown: Array<{ key: string, label: string, grants: number, granted: { amount: string, currency: string } | null, paid: { amount: string, currency: string } | null }> };

export type SupportByYearQueryVariables = Exact<{ [key: string]: never; }>;


export type SupportByYearQuery = { fundingBreakdown: Array<{ key: string, label: string, grants: number, granted: { amount: string, currency: string } | null, paid: { amount: string, currency: string } | null }> };

export type SupportFiguresFragment = { key: string, label: string, grants: number, granted: { amount: string, currency: string } | null, paid: { amount: string, currency: string } | null };

export type SupportSeriesQueryVariables = Exact<{
  by: FundingDimension;
}>;


export type SupportSeriesQuery = { fundingSeries: Array<{ year: number, grants: number, paymentsRecorded: number, key: string, label: string, granted: { amount: string, currency: string } | null, paid: { amount: string, currency: string } | null }> };

export const SupportFiguresFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SupportFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FundingBreakdownRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"grants"}},{"kind":"Field","name":{"kind":"Name","value":"granted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]} as unknown as DocumentNode<SupportFiguresFragment, unknown>;
export const ApplicationFunnelDocument = {"__meta__":{"hash":"sha256:63cb9330ef9c268b2bc709e6522088c1ad3805efa41c3372cec7c8a6548826b5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApplicationFunnel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationFunnel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recorded"}},{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"granted"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"successRate"}},{"kind":"Field","name":{"kind":"Name","value":"requested"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"awarded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<ApplicationFunnelQuery, ApplicationFunnelQueryVariables>;
export const ClusterCatapultDocument = {"__meta__":{"hash":"sha256:c84e44b6b1a45840171717ac87575f2cda8d29a839a0bfa5d76e37b1c687815c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClusterCatapult"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cluster"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"catapultCentres"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"theme"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"catapultNodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ClusterCatapultQuery, ClusterCatapultQueryVariables>;
export const ClusterFundingDocument = {"__meta__":{"hash":"sha256:8e70f982f644f179066e4aa04fc01b1c2dc0a0a5432a55c129f0852fe45808a9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClusterFunding"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cluster"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"fundingTotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"grants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"awardDate"}},{"kind":"Field","name":{"kind":"Name","value":"awardDatePrecision"}},{"kind":"Field","name":{"kind":"Name","value":"budgetYear"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"programme"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"amountAwarded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"amountPaid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"giving360"}}]}}]}}]}}]} as unknown as DocumentNode<ClusterFundingQuery, ClusterFundingQueryVariables>;
export const ClusterListDocument = {"__meta__":{"hash":"sha256:9374bde2700621cdcfddc4cb25ae6e82a996fea8f3bca0bd34ff872313ef0272"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClusterList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clusters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"levelLabel"}},{"kind":"Field","name":{"kind":"Name","value":"county"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"memberStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memberCount"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ClusterListQuery, ClusterListQueryVariables>;
export const ClusterProfileDocument = {"__meta__":{"hash":"sha256:f2b6a21e9edd805913fbfd4f537d216bef86b042f82a8ebc17af3cdf5bfcf9c6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClusterProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cluster"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"levelLabel"}},{"kind":"Field","name":{"kind":"Name","value":"county"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"town"}},{"kind":"Field","name":{"kind":"Name","value":"sectors"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"website"}},{"kind":"Field","name":{"kind":"Name","value":"foundedYear"}},{"kind":"Field","name":{"kind":"Name","value":"levelHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"levelLabel"}},{"kind":"Field","name":{"kind":"Name","value":"fromYear"}},{"kind":"Field","name":{"kind":"Name","value":"toYear"}},{"kind":"Field","name":{"kind":"Name","value":"endedBy"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"fromYearsReported"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"claims"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"says"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"site"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"membersReported"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"site"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"memberStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recorded"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"smeCount"}},{"kind":"Field","name":{"kind":"Name","value":"sizeKnownCount"}},{"kind":"Field","name":{"kind":"Name","value":"smeShare"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"joinedOn"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sizeClass"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ClusterProfileQuery, ClusterProfileQueryVariables>;
export const ClusterProgrammesDocument = {"__meta__":{"hash":"sha256:c379f55df0a36a9802d07c6013321c901726287e0b176bfb891c5abc833cbdaf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClusterProgrammes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cluster"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"hostedProgrammes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"themes"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodStartPrecision"}},{"kind":"Field","name":{"kind":"Name","value":"periodPhase"}},{"kind":"Field","name":{"kind":"Name","value":"reach"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"companiesReached"}},{"kind":"Field","name":{"kind":"Name","value":"targetCompanies"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ClusterProgrammesQuery, ClusterProgrammesQueryVariables>;
export const ClusterResearchDocument = {"__meta__":{"hash":"sha256:69684a86756b33e6cdfc58607a4e34f2f46af7c76cb6556ce5ed8e7dc5ad15ca"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClusterResearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cluster"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"researchReach"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"members"}},{"kind":"Field","name":{"kind":"Name","value":"membersWithProject"}},{"kind":"Field","name":{"kind":"Name","value":"share"}}]}},{"kind":"Field","name":{"kind":"Name","value":"researchProjects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"projectNumber"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"startYear"}},{"kind":"Field","name":{"kind":"Name","value":"endYear"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ClusterResearchQuery, ClusterResearchQueryVariables>;
export const ClustersByCountyDocument = {"__meta__":{"hash":"sha256:c7bcfaba232363e3e745ceaa7e25450ffa602712f867312411eada30ea787579"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClustersByCounty"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clusterCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"countyUnknown"}},{"kind":"Field","name":{"kind":"Name","value":"byCounty"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"county"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clusters"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byLevelAndCounty"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"levelLabel"}},{"kind":"Field","name":{"kind":"Name","value":"county"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clusters"}}]}}]}}]}}]} as unknown as DocumentNode<ClustersByCountyQuery, ClustersByCountyQueryVariables>;
export const ClustersByLevelDocument = {"__meta__":{"hash":"sha256:8a9dff7ab20c47a77130dc262b278cf6f2423d35afb03a67bcf62626fbc76d75"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClustersByLevel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clusterCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"levelUnknown"}},{"kind":"Field","name":{"kind":"Name","value":"byLevel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"levelLabel"}},{"kind":"Field","name":{"kind":"Name","value":"clusters"}}]}}]}}]}}]} as unknown as DocumentNode<ClustersByLevelQuery, ClustersByLevelQueryVariables>;
export const ConversionEngineDocument = {"__meta__":{"hash":"sha256:b69fed3f635363dfe235a66c5233d7e4e8229afe52965fcef4971f075c0fc569"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConversionEngine"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"competenceProgrammes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"themes"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodStartPrecision"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"periodEndPrecision"}},{"kind":"Field","name":{"kind":"Name","value":"periodPhase"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"fundingProgramme"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hostClusters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reach"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recorded"}},{"kind":"Field","name":{"kind":"Name","value":"companiesReached"}},{"kind":"Field","name":{"kind":"Name","value":"targetCompanies"}},{"kind":"Field","name":{"kind":"Name","value":"shareOfTarget"}},{"kind":"Field","name":{"kind":"Name","value":"outsideClusters"}},{"kind":"Field","name":{"kind":"Name","value":"outsideClusterShare"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"dropped"}}]}}]}}]}}]} as unknown as DocumentNode<ConversionEngineQuery, ConversionEngineQueryVariables>;
export const ConversionEngineAwardsDocument = {"__meta__":{"hash":"sha256:2d280685fb707a865d293391439125b4c0da5c84b0b37d3e6297624925e13bd9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConversionEngineAwards"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"budgets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"programmeCode"},"value":{"kind":"StringValue","value":"OMSTILLINGSMOTOREN","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"grants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"programmeCode"},"value":{"kind":"StringValue","value":"OMSTILLINGSMOTOREN","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amountAwarded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"awardDate"}},{"kind":"Field","name":{"kind":"Name","value":"awardDatePrecision"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"recipients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"clusterId"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConversionEngineAwardsQuery, ConversionEngineAwardsQueryVariables>;
export const FunnelByYearDocument = {"__meta__":{"hash":"sha256:38ea9dc30ca066aa432fbb6653a896af6de01282d24129695735ce4fc41491a2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FunnelByYear"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationFunnelByYear"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"granted"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"successRate"}}]}}]}}]} as unknown as DocumentNode<FunnelByYearQuery, FunnelByYearQueryVariables>;
export const LevelsOverTimeDocument = {"__meta__":{"hash":"sha256:125463058bf5e095b79f4688c7f1d70af3bf97b51f9e9bdefbb775377236020a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LevelsOverTime"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clusterLevelsByYear"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"levelLabel"}},{"kind":"Field","name":{"kind":"Name","value":"clusters"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clusterCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"undatedLevels"}}]}}]}}]} as unknown as DocumentNode<LevelsOverTimeQuery, LevelsOverTimeQueryVariables>;
export const ProgrammeReachDocument = {"__meta__":{"hash":"sha256:4e0001544bb04c7f2a2553bcb8c45fa2e2264aaef7259452919682357d2db472"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProgrammeReach"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reachByCounty"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"programmeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countyCode"}},{"kind":"Field","name":{"kind":"Name","value":"countyName"}},{"kind":"Field","name":{"kind":"Name","value":"companies"}}]}},{"kind":"Field","name":{"kind":"Name","value":"completionsByTheme"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"programmeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"theme"}},{"kind":"Field","name":{"kind":"Name","value":"completions"}}]}}]}}]} as unknown as DocumentNode<ProgrammeReachQuery, ProgrammeReachQueryVariables>;
export const ReportedFiguresDocument = {"__meta__":{"hash":"sha256:76f4d890e470f5d3d927f754a6d0d406a56df2e3b6c0067cc1fc4fb9ca9fa068"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportedFigures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"reportedClusters"},"name":{"kind":"Name","value":"programmeFacts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"EnumValue","value":"CLUSTERS"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"site"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"reportedPerLevel"},"name":{"kind":"Name","value":"programmeFacts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"EnumValue","value":"CLUSTERS_BY_LEVEL"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"fact"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"site"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"clusterLevelsByYear"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"clusters"}}]}}]}}]} as unknown as DocumentNode<ReportedFiguresQuery, ReportedFiguresQueryVariables>;
export const SupportByAgencyAllDocument = {"__meta__":{"hash":"sha256:5f7e97e051cfd5e1459752ade578ee6db30ded5e67c2cc20567a51caf78246e9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SupportByAgencyAll"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundingSeries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"by"},"value":{"kind":"EnumValue","value":"AGENCY"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"grants"}},{"kind":"Field","name":{"kind":"Name","value":"granted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"catapultAllocationsByYear"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalIsLowerBound"}}]}},{"kind":"Field","name":{"kind":"Name","value":"researchAllocations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"EnumValue","value":"APPLICATION_TYPE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"projects"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<SupportByAgencyAllQuery, SupportByAgencyAllQueryVariables>;
export const SupportByAgencyCountyDocument = {"__meta__":{"hash":"sha256:30ac50d77ce792b7649a674f1bacb84ca84d90863f79a43f4c74486c4f9afedf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SupportByAgencyCounty"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clusters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"county"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fundingSupportByYear"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agencyCode"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"catapultSupportByYear"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agencyCode"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"researchSupportByYear"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agencyCode"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SupportByAgencyCountyQuery, SupportByAgencyCountyQueryVariables>;
export const SupportByCountyDocument = {"__meta__":{"hash":"sha256:123c74fc76f4b4f3e821ba200c44f1fe52029cb662a1b164e72d5853cc6d5b73"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SupportByCounty"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundingBreakdown"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"by"},"value":{"kind":"EnumValue","value":"COUNTY"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SupportFigures"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SupportFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FundingBreakdownRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"grants"}},{"kind":"Field","name":{"kind":"Name","value":"granted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]} as unknown as DocumentNode<SupportByCountyQuery, SupportByCountyQueryVariables>;
export const SupportByYearDocument = {"__meta__":{"hash":"sha256:830a5e7e6aa512a1fdbdce74cf3d05d1754fd381e15b16d75ce166ad78ddf1d0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SupportByYear"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundingBreakdown"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"by"},"value":{"kind":"EnumValue","value":"YEAR"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SupportFigures"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SupportFigures"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FundingBreakdownRow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"grants"}},{"kind":"Field","name":{"kind":"Name","value":"granted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]} as unknown as DocumentNode<SupportByYearQuery, SupportByYearQueryVariables>;
export const SupportSeriesDocument = {"__meta__":{"hash":"sha256:701bd25f90d0778aa2a46e7f73ea35dc698f9c7fb58a8f6b03b335995af3d569"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SupportSeries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"by"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FundingDimension"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundingSeries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"by"},"value":{"kind":"Variable","name":{"kind":"Name","value":"by"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"grants"}},{"kind":"Field","name":{"kind":"Name","value":"paymentsRecorded"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"granted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<SupportSeriesQuery, SupportSeriesQueryVariables>;