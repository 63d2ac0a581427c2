/**
 * A dashboard over every subgraph: a cluster (clusters) with its funding (funding), the programmes
 * it hosts (competence), the catapult centres behind it (catapult) and its members' research
 * projects (research), a competence programme and a grant. Its root fields may be null, so
 * whichever subgraph is away, the others' part of the answer still comes.
 */
export const DASHBOARD = `query Dashboard($cluster: ID!, $programme: ID!, $grant: ID!) {
  cluster(id: $cluster) { name fundingTotal { amount } hostedProgrammes { name } catapultCentres { name } researchProjects { projectNumber } }
  competenceProgramme(id: $programme) { name status }
  grant(id: $grant) { status amountAwarded { amount } }
}`;

export interface Dashboard {
  cluster: { name: string; fundingTotal: unknown; hostedProgrammes: unknown; catapultCentres: unknown; researchProjects: unknown } | null;
  competenceProgramme: unknown;
  grant: unknown;
}
