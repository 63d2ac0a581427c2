import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { infraScriptOutput } from './infra-scripts';

/**
 * Where a test run writes the topic prefixes it gives out (uniqueTopicPrefix), one a line: a file
 * the global setup names for the whole run (jest's workers inherit its environment).
 */
const PREFIXES_FILE = 'KLYNGE_TEST_TOPIC_PREFIXES';

/** The global setup's: from now on this run's topic prefixes are written down. */
export function recordTopicPrefixes(): void {
  process.env[PREFIXES_FILE] = path.join(mkdtempSync(path.join(tmpdir(), 'klynge-test-run-')), 'topic-prefixes');
}

/** Writes down a prefix given out, when a run records them (one small append, whole, from any worker). */
export function recordTopicPrefix(prefix: string): void {
  const file = process.env[PREFIXES_FILE];
  if (file) appendFileSync(file, `${prefix}\n`);
}

/**
 * The global teardown's: deletes the topics and consumer groups this run's test files made under
 * the prefixes it gave out (`infra/kafka.sh delete-prefixed`, as the broker's admin), so that the
 * shared broker does not grow with every run. Only on a broker on this machine (the scripts' tools
 * reach no other); what cannot be deleted is said, and fails no run.
 */
export function deleteRecordedTopics(): void {
  const file = process.env[PREFIXES_FILE];
  if (!file) return;
  const prefixes = existsSync(file) ? [...new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean))] : [];
  rmSync(path.dirname(file), { recursive: true, force: true });
  const port = /^(?:127\.0\.0\.1|localhost):(\d+)$/.exec(process.env.KAFKA_BROKERS ?? '')?.[1];
  if (prefixes.length === 0 || port === undefined) return;
  try {
    infraScriptOutput('kafka.sh', ['delete-prefixed', ...prefixes], { ...process.env, KAFKA_PORT: port });
  } catch (error) {
    process.stderr.write(`[testing] this run's topics and consumer groups stay on the broker: ${(error as Error).message}\n`);
  }
}
