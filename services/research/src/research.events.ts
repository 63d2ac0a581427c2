import { defineEventStream } from '@klynge/platform';

/** The research subgraph's streams; each event's JSON Schema is in schemas/events/<topic>/. */
export const noteStream = defineEventStream({ domain: 'research', aggregate: 'note', version: 1 });

export interface ResearchNoteRecordedData {
  readonly noteId: string;
  readonly clusterId: string;
  readonly title: string;
  readonly recordedAt: string;
}

export const ResearchNoteRecorded = noteStream.event<ResearchNoteRecordedData>('ResearchNoteRecorded');
