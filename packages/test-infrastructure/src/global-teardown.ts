import { deleteRecordedTopics } from './test-topics';

/**
 * Jest global teardown: deletes the topics and consumer groups the run's test files made under
 * their prefixes, and stops what the global setup started (containers), if anything.
 */
export default async function globalTeardown(): Promise<void> {
  deleteRecordedTopics();
  await globalThis.klyngeTestInfrastructure?.stop();
}
