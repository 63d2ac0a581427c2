import { recordTopicPrefix } from './test-topics';
import { randomBytes } from 'node:crypto';

/**
 * A name no other test file (nor an earlier run of this one) uses: `<label>_<time><random>`,
 * lower case, safe in PostgreSQL identifiers and Kafka topic names.
 */
export function uniqueName(label: string): string {
  const clean = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .slice(0, 30);
  return `${clean}_${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/**
 * A Kafka topic and consumer group prefix for one test file, e.g. `test.outbox_lq1x2c9a3f.`. The
 * run's global teardown deletes the topics and groups made under it.
 */
export function uniqueTopicPrefix(label: string): string {
  const prefix = `test.${uniqueName(label)}.`;
  recordTopicPrefix(prefix);
  return prefix;
}
