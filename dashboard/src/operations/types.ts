// What the dashboard's operations answer (src/operations/*.graphql), as the pages and their tests read it.

export interface Money {
  readonly amount: string;
  readonly currency: string;
}

export interface SupportByYear {
  readonly fundingBreakdown: readonly { key: string; label: string; grants: number; granted: Money; paid: Money }[];
}

export interface ApplicationFunnel {
  readonly applicationFunnel: {
    applied: number;
    granted: number;
    rejected: number;
    successRate: number | null;
    requested: Money;
    awarded: Money;
  };
}

export interface ClustersByLevel {
  readonly clusterCounts: { total: number; levelUnknown: number; byLevel: readonly { level: string; clusters: number }[] };
}
