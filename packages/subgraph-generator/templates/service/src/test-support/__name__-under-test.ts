import { type ServiceUnderTest, startServiceUnderTest } from '@klynge/subgraph-under-test';
import { subgraph } from '../subgraph';

/** The __name__ subgraph in this process, on a database and topics of the test file's own. */
export function start__Name__(label: string): Promise<ServiceUnderTest> {
  return startServiceUnderTest({ label, subgraph });
}
