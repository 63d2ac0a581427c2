import { connectionOf, MoneyType } from '@klynge/platform';
import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';

export const APPLICATION_STATUSES = ['DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'GRANTED', 'REJECTED', 'WITHDRAWN'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const ApplicationStatusEnum = Object.fromEntries(APPLICATION_STATUSES.map((status) => [status, status])) as {
  [S in ApplicationStatus]: S;
};
registerEnumType(ApplicationStatusEnum, {
  name: 'ApplicationStatus',
  description: 'DRAFT -> SUBMITTED -> UNDER_REVIEW -> GRANTED | REJECTED, or WITHDRAWN before a decision.',
});

export const ApplicantTypeEnum = { CLUSTER: 'CLUSTER', ORGANIZATION: 'ORGANIZATION' } as const;
registerEnumType(ApplicantTypeEnum, { name: 'ApplicantType' });

export const DecisionEnum = { GRANTED: 'GRANTED', REJECTED: 'REJECTED' } as const;
registerEnumType(DecisionEnum, { name: 'Decision' });

@ObjectType('Applicant', { description: 'Who applies or receives: a cluster or an organisation.' })
export class ApplicantType {
  @Field(() => ApplicantTypeEnum)
  type!: 'CLUSTER' | 'ORGANIZATION';

  @Field(() => ID, { nullable: true })
  clusterId!: string | null;

  @Field(() => String, { nullable: true })
  orgNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'As last heard from the clusters service.' })
  name!: string | null;
}

@ObjectType('ApplicationStep', { description: 'One step of an application: to which status, by whom, when.' })
export class ApplicationStepType {
  @Field(() => ApplicationStatusEnum)
  status!: ApplicationStatus;

  @Field(() => String, {
    nullable: true,
    description:
      "Who took the step (the caller's subject): personal data, shown only to admins, caseworkers of the programme's agency and the applying cluster's manager.",
  })
  actor!: string | null;

  @Field({ description: 'ISO 8601 date-time' })
  at!: string;

  @Field(() => String, { nullable: true, description: 'Why, in the words of who took the step; shown to the same callers as `actor`.' })
  note!: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType('Application', { description: 'An application to a call, and where it stands.' })
export class ApplicationType {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => ApplicationStatusEnum)
  status!: ApplicationStatus;

  @Field(() => MoneyType, { description: 'Asked of the agency.' })
  requested!: MoneyType;

  @Field(() => MoneyType, { description: "The applicant's own co-financing." })
  ownFunding!: MoneyType;

  @Field(() => String, { nullable: true })
  cofinancingPlan!: string | null;
}

export const ApplicationConnection = connectionOf(ApplicationType, 'Application');

@InputType('ApplicationFilter')
export class ApplicationFilter {
  @Field(() => ApplicationStatusEnum, { nullable: true })
  status?: ApplicationStatus;

  @Field(() => ID, { nullable: true })
  callId?: string;

  @Field({ nullable: true })
  programmeCode?: string;

  @Field(() => ID, { nullable: true })
  clusterId?: string;

  @Field({ nullable: true })
  orgNumber?: string;
}

@InputType('CreateApplicationInput', { description: 'Give clusterId or orgNumber: the applicant.' })
export class CreateApplicationInput {
  @Field(() => ID)
  callId!: string;

  @Field(() => ID, { nullable: true })
  clusterId?: string | null;

  @Field(() => String, { nullable: true })
  orgNumber?: string | null;

  @Field()
  title!: string;

  @Field({ description: 'Whole NOK asked of the agency, in digits' })
  requested!: string;

  @Field({ defaultValue: '0', description: "Whole NOK of the applicant's own co-financing" })
  ownFunding!: string;

  @Field(() => String, { nullable: true })
  cofinancingPlan?: string | null;
}

@InputType('DecideApplicationInput')
export class DecideApplicationInput {
  @Field(() => DecisionEnum)
  decision!: 'GRANTED' | 'REJECTED';

  @Field({ nullable: true })
  note?: string;

  @Field({ nullable: true, description: 'Whole NOK; the amount requested when left out. Only for GRANTED.' })
  amountAwarded?: string;

  @Field({
    nullable: true,
    description:
      "YYYY-MM-DD; today when left out. Not before the application was submitted, not after today. The grant is charged to the call's budgetYear.",
  })
  awardDate?: string;

  @Field({ nullable: true, description: "YYYY-MM-DD; the call's project start when left out." })
  plannedStart?: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD; needed for GRANTED.' })
  plannedEnd?: string;
}
