import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The platform's own tables, present in every service database.
 *
 * outbox_events holds events committed with the writes they describe until the relay has
 * published them. A statement trigger NOTIFYs the relay, and NOTIFY is delivered only on commit,
 * so a rolled-back write never wakes it.
 *
 * consumed_events remembers, per consumer, every event (source + id, the CloudEvents identity)
 * it has taken effect from, so a redelivered event changes nothing.
 */
export class CreateEventTables1795400000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox_events (
        position     bigserial   PRIMARY KEY,
        event_id     uuid        NOT NULL UNIQUE,
        topic        text        NOT NULL,
        message_key  text        NOT NULL,
        payload      text        NOT NULL,
        headers      jsonb       NOT NULL DEFAULT '{}',
        created_at   timestamptz NOT NULL DEFAULT now()
      )`);
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
    await queryRunner.query(`
      CREATE TABLE consumed_events (
        consumer      text        NOT NULL,
        event_source  text        NOT NULL,
        event_id      text        NOT NULL,
        event_type    text        NOT NULL,
        outcome       text        NOT NULL CHECK (outcome IN ('handled', 'dead-lettered')),
        consumed_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_source, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE consumed_events');
    await queryRunner.query('DROP TRIGGER outbox_events_notify ON outbox_events');
    await queryRunner.query('DROP FUNCTION outbox_events_notify()');
    await queryRunner.query('DROP TABLE outbox_events');
  }
}
