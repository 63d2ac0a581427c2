import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * consumer_positions remembers, per consumer and partition, the offset after the last message it
 * went through, written with what the message did (in the same transaction when it did
 * anything). The broker keeps the consumer group's committed offsets, outside the database: a
 * database restored from a backup is behind them, and without this the consumer would go on from
 * the group's offsets and never apply the messages in between. Finding its own position behind
 * the group's, the consumer runner reads the partition again from its own (see ConsumerRunner).
 */
export class ConsumerPositions1797120000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE consumer_positions (
        consumer     text        NOT NULL,
        topic        text        NOT NULL,
        partition    integer     NOT NULL,
        next_offset  bigint      NOT NULL,
        updated_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, topic, partition)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE consumer_positions');
  }
}
