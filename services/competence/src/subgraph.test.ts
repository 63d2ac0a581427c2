import { describeSubgraphContract } from '@klynge/subgraph-under-test';
import { subgraph } from './subgraph';

describeSubgraphContract(subgraph, {
  // It extends Cluster and Organization, and refers to Grant and FundingProgramme.
  keys: {
    CompetenceProgramme: 'fields: "id"',
    Enrolment: 'fields: "id"',
    Cluster: 'fields: "id"',
    Organization: 'fields: "orgNumber"',
    Grant: 'fields: "id", resolvable: false',
    FundingProgramme: 'fields: "code", resolvable: false',
  },
});
