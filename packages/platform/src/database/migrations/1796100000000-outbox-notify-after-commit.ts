import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox no longer NOTIFYs from a trigger inside the writing transaction: PostgreSQL
 * serialises the commits of transactions that NOTIFY, so concurrent writes with events committed
 * one disk flush at a time. A UnitOfWork now wakes the relay after its commit instead (see
 * outbox/unit-of-work.ts); rows written any other way are found by the relay's fallback poll.
 */
export class OutboxNotifyAfterCommit1796100000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER outbox_events_notify ON outbox_events');
    await queryRunner.query('DROP FUNCTION outbox_events_notify()');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION outbox_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox_events', '');
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER outbox_events_notify AFTER INSERT ON outbox_events
      FOR EACH STATEMENT EXECUTE FUNCTION outbox_events_notify()`);
  }
}
