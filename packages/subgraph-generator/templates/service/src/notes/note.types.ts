import { connectionOf, Limits } from '@klynge/platform';
import { Directive, Field, ID, InputType, ObjectType } from 'type-graphql';

/** The example entity: rename it to what the __name__ subgraph holds. */
@Directive('@key(fields: "id")')
@ObjectType('__Name__Note', { description: 'A note about a cluster, kept by the __name__ subgraph.' })
export class NoteType {
  @Field(() => ID, { description: "The note's id, a UUID." })
  id!: string;

  @Field({ description: 'What the note is about, in a line.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'More, when there is more to say.' })
  body!: string | null;

  @Field({ description: 'When it was recorded: ISO 8601 date-time, UTC.' })
  recordedAt!: string;
}

export interface NoteRecord extends NoteType {
  readonly clusterId: string;
}

export const NoteConnection = connectionOf(NoteType, '__Name__Note', 'notes');

@InputType('Record__Name__NoteInput', { description: 'A new note about a cluster.' })
export class RecordNoteInput {
  @Field(() => ID, { description: 'The cluster the note is about.' })
  clusterId!: string;

  @Limits({ maxLength: 200 })
  @Field({ description: 'What the note is about, in a line.' })
  title!: string;

  @Limits({ maxLength: 5_000 })
  @Field(() => String, { nullable: true, description: 'More, when there is more to say; leave out otherwise.' })
  body?: string | null;
}
