import { type ServiceUnderTest, startServiceUnderTest } from '@klynge/service-testing';
import { subgraph } from '../subgraph';

/** The research subgraph in this process, on a database and topics of the test file's own. */
export function startResearch(label: string): Promise<ServiceUnderTest> {
  return startServiceUnderTest({ label, subgraph });
}
