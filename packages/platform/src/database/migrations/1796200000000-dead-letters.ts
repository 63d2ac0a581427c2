import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * dead_letters remembers, per consumer, every message it has parked on a dead-letter topic: where
 * it came from (topic, partition, offset) and, when it could be read, the event's identity. A
 * replay empties consumed_events and reads the log again, so without it every replay parked the
 * same messages again; the consumer runner looks here before it parks one, and a replay leaves
 * this table alone.
 */
export class DeadLetters1796200000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE dead_letters (
        consumer          text        NOT NULL,
        origin_topic      text        NOT NULL,
        origin_partition  integer     NOT NULL,
        origin_offset     bigint      NOT NULL,
        event_source      text,
        event_id          text,
        reason            text        NOT NULL,
        dead_lettered_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, origin_topic, origin_partition, origin_offset)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE dead_letters');
  }
}
