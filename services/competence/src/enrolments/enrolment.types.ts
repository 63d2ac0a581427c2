import { graphqlEnum } from '@klynge/platform';
import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';

export const ENROLMENT_STATUSES = ['ENROLLED', 'COMPLETED', 'DROPPED'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
export const EnrolmentStatusEnum = graphqlEnum(ENROLMENT_STATUSES, {
  name: 'EnrolmentStatus',
  description: 'ENROLLED -> COMPLETED, or DROPPED.',
  valuesConfig: {
    ENROLLED: { description: 'Taking part.' },
    COMPLETED: { description: 'Completed the programme.' },
    DROPPED: { description: 'Left before completing; the place is free again.' },
  },
});

@Directive('@key(fields: "id")')
@ObjectType('Enrolment', { description: 'An organisation in a competence programme.' })
export class EnrolmentType {
  @Field(() => ID, { description: "The enrolment's id, a UUID." })
  id!: string;

  @Field({ description: 'The enrolled organisation: its organisation number, nine digits.' })
  orgNumber!: string;

  @Field(() => EnrolmentStatusEnum, { description: 'Where the enrolment stands.' })
  status!: EnrolmentStatus;

  @Field({ description: 'Whether it was a member of any cluster when it enrolled.' })
  memberOfCluster!: boolean;

  @Field({ description: 'YYYY-MM-DD: the day it enrolled.' })
  enrolledOn!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the day it completed; null unless COMPLETED.' })
  completedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the day it dropped out; null unless DROPPED.' })
  droppedOn!: string | null;

  @Field(() => Int, { description: "How many of the programme's modules it has completed." })
  modulesCompleted!: number;
}

@InputType('EnrolCompanyInput', { description: 'An organisation that enrols in a competence programme.' })
export class EnrolCompanyInput {
  @Field(() => ID, { description: 'The programme: OPEN or RUNNING, with room.' })
  programmeId!: string;

  @Field({
    description:
      'Nine digits with a valid MOD11 check digit, of an organisation in the cluster registry; once per programme (CONFLICT otherwise).',
  })
  orgNumber!: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD; today when left out' })
  enrolledOn?: string;
}
