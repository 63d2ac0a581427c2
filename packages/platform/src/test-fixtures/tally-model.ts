import type { TestDatabase } from '@klynge/test-infrastructure';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { eventConsumer } from '../consumers';
import type { UnitOfWork } from '../outbox';
import { TallyIncremented } from './sample-events';

/**
 * The sample domain: `tallies` is the write side, `tally_arrivals` and `tally_totals` a read
 * model fed by events, which records the order events arrived in and how often each took effect.
 */
export class CreateTallies1795400000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE tallies (tally_id uuid PRIMARY KEY, count integer NOT NULL)`);
    await queryRunner.query(`
      CREATE TABLE tally_arrivals (
        arrival    bigserial   PRIMARY KEY,
        tally_id   uuid        NOT NULL,
        sequence   integer     NOT NULL,
        -- When the event took effect (not when its transaction began): npm run bench:events measures propagation by it.
        arrived_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await queryRunner.query(`CREATE TABLE tally_totals (tally_id uuid PRIMARY KEY, applied integer NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE tally_totals, tally_arrivals, tallies');
  }
}

/** One write: the tally goes up and a TallyIncremented event is published with it. */
export async function incrementTally(
  unitOfWork: UnitOfWork,
  tallyId: string,
  sequence: number,
  options: { note?: string; failAfterPublishing?: boolean } = {},
): Promise<void> {
  await unitOfWork.run(async ({ manager, publish }) => {
    await manager.query(
      `INSERT INTO tallies (tally_id, count) VALUES ($1, 1)
       ON CONFLICT (tally_id) DO UPDATE SET count = tallies.count + 1`,
      [tallyId],
    );
    await publish(TallyIncremented, {
      subject: tallyId,
      data: { tallyId, sequence, ...(options.note === undefined ? {} : { note: options.note }) },
    });
    if (options.failAfterPublishing) throw new Error('The write fails after publishing');
  });
}

export function tallyTotalsConsumer(name = 'tally-totals') {
  return eventConsumer(name).on(TallyIncremented, async (event, { manager }) => {
    if (event.data.note === 'poison') throw new Error('This event is poison');
    await manager.query('INSERT INTO tally_arrivals (tally_id, sequence) VALUES ($1, $2)', [event.data.tallyId, event.data.sequence]);
    await manager.query(
      `INSERT INTO tally_totals (tally_id, applied) VALUES ($1, 1)
       ON CONFLICT (tally_id) DO UPDATE SET applied = tally_totals.applied + 1`,
      [event.data.tallyId],
    );
  });
}

/** The sequences of a tally's events in the order they took effect in the sample read model. */
export async function tallyArrivals(db: TestDatabase, tallyId: string): Promise<number[]> {
  const rows = await db.query<{ sequence: number }>('SELECT sequence FROM tally_arrivals WHERE tally_id = $1 ORDER BY arrival', [tallyId]);
  return rows.map((row) => row.sequence);
}
