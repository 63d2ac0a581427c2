import { defineEventStream } from '@klynge/platform';

/** The catapult subgraph's streams; each event's JSON Schema is in schemas/events/<topic>/. */
export const noteStream = defineEventStream({ domain: 'catapult', aggregate: 'note', version: 1 });

export interface CatapultNoteRecordedData {
  readonly noteId: string;
  readonly clusterId: string;
  readonly title: string;
  readonly recordedAt: string;
}

export const CatapultNoteRecorded = noteStream.event<CatapultNoteRecordedData>('CatapultNoteRecorded');
