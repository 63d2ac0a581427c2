import { connectionOf, Limits } from '@klynge/platform';
import { Directive, Field, ID, InputType, ObjectType } from 'type-graphql';

/** The example entity: rename it to what the research subgraph holds. */
@Directive('@key(fields: "id")')
@ObjectType('ResearchNote', { description: 'A note about a cluster, kept by the research subgraph.' })
export class NoteType {
  @Field(() => ID)
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

export const NoteConnection = connectionOf(NoteType, 'ResearchNote');

@InputType('RecordResearchNoteInput')
export class RecordNoteInput {
  @Field(() => ID, { description: 'The cluster the note is about.' })
  clusterId!: string;

  @Limits({ maxLength: 200 })
  @Field()
  title!: string;

  @Limits({ maxLength: 5_000 })
  @Field(() => String, { nullable: true })
  body?: string | null;
}
