import path from 'node:path';
import { eventSchemaDir } from '@klynge/schemas';
import { defineEventStream, EventSchemas } from '../events';

/** A made-up stream for the platform's own tests: counters ("tallies") that go up by one. */
export const tallyStream = defineEventStream({ domain: 'sample', aggregate: 'tally', version: 1 });

export interface TallyIncrementedData {
  readonly tallyId: string;
  readonly sequence: number;
  /** `poison` makes the sample consumer fail every time. */
  readonly note?: string;
}

export const TallyIncremented = tallyStream.event<TallyIncrementedData>('TallyIncremented');

/** The fixture schemas first, then the real ones (for the envelope). */
export function sampleEventSchemas(): EventSchemas {
  return new EventSchemas([path.join(__dirname, 'events'), eventSchemaDir]);
}
