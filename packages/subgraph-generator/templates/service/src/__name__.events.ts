import { defineEventStream } from '@klynge/platform';

/** The __name__ subgraph's streams; each event's JSON Schema is in schemas/events/<topic>/. */
export const noteStream = defineEventStream({ domain: '__name__', aggregate: 'note', version: 1 });

export interface __Name__NoteRecordedData {
  readonly noteId: string;
  readonly clusterId: string;
  readonly title: string;
  readonly recordedAt: string;
}

export const __Name__NoteRecorded = noteStream.event<__Name__NoteRecordedData>('__Name__NoteRecorded');
