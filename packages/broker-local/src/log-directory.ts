import { mkdir, open, readdir, readFile, rename, truncate } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { LocalBrokerLogger } from './logger';
import { errorMessage, isMissingFile, PartitionFile, PartitionLog, readPartitionFile } from './partition-log';

/** Each group's next offset to process, per topic and partition. */
export type GroupPositions = Map<string, Map<string, number[]>>;

/** Everything a directory held when the broker opened it. */
export interface DirectoryContents {
  readonly topics: Map<string, PartitionLog[]>;
  readonly positions: GroupPositions;
}

const TOPICS_FOLDER = 'topics';
const TOPIC_DESCRIPTION = 'topic.json';
const POSITIONS_FILE = 'positions.json';

/**
 * Where a broker with a directory keeps everything:
 *
 *   topics/<topic>/topic.json     {"partitions": 3}; the topic exists once this file does
 *   topics/<topic>/<n>.jsonl      partition n, one message per line, line number = offset
 *   positions.json                {"groups": {"<group>": {"<topic>": [next offset per partition]}}}
 *
 * Topic names are Kafka's (letters, digits, `.`, `_`, `-`), so they are safe as folder names.
 * One broker at a time may use a directory; nothing here guards against a second one.
 */
export class LogDirectory {
  private readonly topicsRoot: string;
  private readonly positionsPath: string;

  constructor(
    readonly root: string,
    private readonly logger: LocalBrokerLogger | undefined,
  ) {
    this.topicsRoot = join(root, TOPICS_FOLDER);
    this.positionsPath = join(root, POSITIONS_FILE);
  }

  /** Reads every topic's messages and the groups' positions; creates the directory if need be. */
  async load(): Promise<DirectoryContents> {
    await mkdir(this.topicsRoot, { recursive: true });
    const topics = new Map<string, PartitionLog[]>();
    for (const entry of await readdir(this.topicsRoot, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const partitions = await this.readPartitionCount(entry.name);
      // A folder without its description is a creation the process did not finish: no topic yet.
      if (partitions === undefined) continue;
      topics.set(entry.name, await Promise.all(range(partitions).map((partition) => this.loadPartition(entry.name, partition))));
    }
    return { topics, positions: await this.readPositions(topics) };
  }

  async createTopic(topic: string, partitions: number): Promise<PartitionLog[]> {
    const folder = join(this.topicsRoot, topic);
    await mkdir(folder, { recursive: true });
    // The partition files first, the description last: until it exists the topic does not, so a
    // crash in between leaves only a folder that the next load ignores and the next creation reuses.
    await Promise.all(range(partitions).map(async (partition) => (await open(this.partitionPath(topic, partition), 'w')).close()));
    await writeFileAtomically(join(folder, TOPIC_DESCRIPTION), `${JSON.stringify({ partitions })}\n`);
    await syncDirectory(this.topicsRoot);
    return range(partitions).map(
      (partition) => new PartitionLog(topic, partition, [], new PartitionFile(this.partitionPath(topic, partition), 0)),
    );
  }

  /** Replaces the positions file in one step, so a crash leaves either the old or the new one. */
  async writePositions(positions: GroupPositions): Promise<void> {
    // fromEntries, not assignment: a group may be called `__proto__`.
    const groups = Object.fromEntries([...positions].map(([groupId, byTopic]) => [groupId, Object.fromEntries(byTopic)]));
    await writeFileAtomically(this.positionsPath, `${JSON.stringify({ groups })}\n`);
  }

  private partitionPath(topic: string, partition: number): string {
    return join(this.topicsRoot, topic, `${partition}.jsonl`);
  }

  private async readPartitionCount(topic: string): Promise<number | undefined> {
    const path = join(this.topicsRoot, topic, TOPIC_DESCRIPTION);
    const description = await readJson(path);
    if (description === undefined) return undefined;
    const partitions = isRecord(description) ? description.partitions : undefined;
    if (typeof partitions === 'number' && Number.isInteger(partitions) && partitions > 0) return partitions;
    throw new Error(`${path}: expected {"partitions": <a positive integer>}`);
  }

  private async loadPartition(topic: string, partition: number): Promise<PartitionLog> {
    const path = this.partitionPath(topic, partition);
    const { messages, completeBytes, tornBytes } = await readPartitionFile(path);
    if (tornBytes > 0) {
      // The end of a write the process did not finish: its publish never resolved, so the relay
      // still holds those messages and publishes them again. Cut it off so appends start clean.
      await truncate(path, completeBytes);
      this.logger?.warn(
        { component: 'broker-local', topic, partition, tornBytes },
        'Discarded the unfinished last write of a partition file',
      );
    }
    return new PartitionLog(topic, partition, messages, new PartitionFile(path, completeBytes));
  }

  private async readPositions(topics: ReadonlyMap<string, readonly PartitionLog[]>): Promise<GroupPositions> {
    const stored = await readJson(this.positionsPath);
    const positions: GroupPositions = new Map();
    if (stored === undefined) return positions;
    const groups = isRecord(stored) ? stored.groups : undefined;
    if (!isRecord(groups)) throw new Error(`${this.positionsPath}: expected {"groups": {...}}`);
    for (const [groupId, byTopic] of Object.entries(groups)) {
      if (!isRecord(byTopic)) throw new Error(`${this.positionsPath}: group ${groupId} has no positions by topic`);
      const groupPositions = new Map<string, number[]>();
      for (const [topic, offsets] of Object.entries(byTopic)) {
        const logs = topics.get(topic);
        if (!logs) continue; // the topic's files are gone: its positions mean nothing any more
        if (!isOffsetList(offsets)) {
          throw new Error(`${this.positionsPath}: group ${groupId}, topic ${topic}: expected a list of offsets`);
        }
        groupPositions.set(
          topic,
          logs.map((log) => this.clampedPosition(groupId, log, offsets[log.partition] ?? 0)),
        );
      }
      positions.set(groupId, groupPositions);
    }
    return positions;
  }

  /**
   * A position beyond the partition's end cannot come from this broker (messages are synced
   * before anyone processes them), but if the files were edited, resume at the end, not past it.
   */
  private clampedPosition(groupId: string, log: PartitionLog, position: number): number {
    if (position <= log.length) return position;
    this.logger?.warn(
      { component: 'broker-local', groupId, topic: log.topic, partition: log.partition, position, length: log.length },
      'A group position lies beyond the end of its partition; resuming at the end',
    );
    return log.length;
  }
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isMissingFile(error)) return undefined;
    throw error;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not JSON: ${errorMessage(error)}`, { cause: error });
  }
}

/** Writes a temporary file, syncs it, and renames it over `path`. */
async function writeFileAtomically(path: string, content: string): Promise<void> {
  const temporary = `${path}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(content, 'utf8');
    await handle.datasync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
  await syncDirectory(dirname(path));
}

/**
 * Syncs a folder, so that files created or renamed in it survive a power cut. Best effort: some
 * platforms and file systems do not let a folder be synced, and then there is nothing better to do.
 */
async function syncDirectory(path: string): Promise<void> {
  try {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not supported here; the rename itself still happened.
  }
}

function isRecord(candidate: unknown): candidate is Record<string, unknown> {
  return typeof candidate === 'object' && candidate !== null && !Array.isArray(candidate);
}

function isOffsetList(candidate: unknown): candidate is number[] {
  return Array.isArray(candidate) && candidate.every((offset) => Number.isInteger(offset) && (offset as number) >= 0);
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}
