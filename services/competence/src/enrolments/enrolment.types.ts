import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export const ENROLMENT_STATUSES = ['ENROLLED', 'COMPLETED', 'DROPPED'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
export const EnrolmentStatusEnum = Object.fromEntries(ENROLMENT_STATUSES.map((status) => [status, status])) as {
  [S in EnrolmentStatus]: S;
};
registerEnumType(EnrolmentStatusEnum, { name: 'EnrolmentStatus', description: 'ENROLLED -> COMPLETED, or DROPPED.' });

@Directive('@key(fields: "id")')
@ObjectType('Enrolment', { description: 'An organisation in a competence programme.' })
export class EnrolmentType {
  @Field(() => ID)
  id!: string;

  @Field()
  orgNumber!: string;

  @Field(() => EnrolmentStatusEnum)
  status!: EnrolmentStatus;

  @Field({ description: 'Whether it was a member of any cluster when it enrolled.' })
  memberOfCluster!: boolean;

  @Field({ description: 'YYYY-MM-DD' })
  enrolledOn!: string;

  @Field(() => String, { nullable: true })
  completedOn!: string | null;

  @Field(() => String, { nullable: true })
  droppedOn!: string | null;

  @Field(() => Int)
  modulesCompleted!: number;
}

@InputType('EnrolCompanyInput')
export class EnrolCompanyInput {
  @Field(() => ID)
  programmeId!: string;

  @Field({ description: 'Nine digits with a valid MOD11 check digit' })
  orgNumber!: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD; today when left out' })
  enrolledOn?: string;
}
