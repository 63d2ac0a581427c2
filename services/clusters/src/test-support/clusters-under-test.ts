import { type ServiceUnderTest, startServiceUnderTest, testCallers } from '@klynge/subgraph-under-test';
import { subgraph } from '../subgraph';

export { eventTypes } from '@klynge/subgraph-under-test';
export const { admin, viewer, managerOf } = testCallers;
export const caseworker = testCallers.caseworker();
export type ClustersUnderTest = ServiceUnderTest;

/** The clusters service in this process, on a database and topics of the test file's own. */
export function startClusters(label: string): Promise<ClustersUnderTest> {
  return startServiceUnderTest({ label, subgraph });
}

export const REGISTER = `
  mutation Register($input: RegisterClusterInput!) {
    registerCluster(input: $input) { id slug name level countyCode county { code name } levelHistory { level from to reason } }
  }`;

/** A valid registration (facts of NCE Raufoss), with `overrides`. */
export function registration(overrides: Record<string, unknown> = {}) {
  return {
    name: 'NCE Raufoss',
    level: 'NCE',
    levelSince: '2006-01-01',
    levelReason: 'Admitted as NCE in 2006',
    countyCode: '34',
    town: 'Raufoss',
    sectors: ['manufacturing'],
    ...overrides,
  };
}
