/**
 * Logical topic names (`clusters.cluster.v1`) become physical ones with a deployment prefix, so
 * that several test files, or several environments on one cluster, never share a topic.
 */
export class TopicNames {
  constructor(readonly prefix = '') {}

  topic(logical: string): string {
    return `${this.prefix}${logical}`;
  }

  /** The logical name of a physical topic of this deployment: the prefix taken off. */
  logical(physicalTopic: string): string {
    return physicalTopic.startsWith(this.prefix) ? physicalTopic.slice(this.prefix.length) : physicalTopic;
  }

  /** Where a consumer parks the events it cannot process: `<topic>.dlq`. */
  deadLetter(physicalTopic: string): string {
    return `${physicalTopic}.dlq`;
  }

  consumerGroup(service: string, consumer: string): string {
    return `${this.prefix}${service}.${consumer}`;
  }
}
