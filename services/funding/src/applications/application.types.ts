import { connectionOf, graphqlEnum, MoneyType } from '@klynge/platform';
import { Directive, Field, ID, InputType, ObjectType } from 'type-graphql';

export const APPLICATION_STATUSES = ['DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'GRANTED', 'REJECTED', 'WITHDRAWN'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const ApplicationStatusEnum = graphqlEnum(APPLICATION_STATUSES, {
  name: 'ApplicationStatus',
  description: 'DRAFT -> SUBMITTED -> UNDER_REVIEW -> GRANTED | REJECTED, or WITHDRAWN before a decision.',
  valuesConfig: {
    DRAFT: { description: 'Created, not yet submitted.' },
    SUBMITTED: { description: "Submitted before the call's deadline; waiting for review." },
    UNDER_REVIEW: { description: "Being reviewed by a caseworker of the programme's agency." },
    GRANTED: { description: 'Decided: granted, with a grant made.' },
    REJECTED: { description: 'Decided: rejected.' },
    WITHDRAWN: { description: 'Withdrawn before a decision.' },
  },
});

export const ApplicantTypeEnum = graphqlEnum(['CLUSTER', 'ORGANIZATION'], {
  name: 'ApplicantType',
  description: 'Whether an applicant or recipient is a cluster or an organisation.',
  valuesConfig: {
    CLUSTER: { description: 'A cluster: clusterId names it.' },
    ORGANIZATION: { description: 'An organisation: orgNumber names it.' },
  },
});

export const DecisionEnum = graphqlEnum(['GRANTED', 'REJECTED'], {
  name: 'Decision',
  description: 'What a caseworker decides on an application under review.',
  valuesConfig: {
    GRANTED: { description: 'Granted: a grant is made and charged to the budget.' },
    REJECTED: { description: 'Rejected.' },
  },
});

@ObjectType('Applicant', { description: 'Who applies or receives: a cluster or an organisation.' })
export class ApplicantType {
  @Field(() => ApplicantTypeEnum, { description: 'A cluster or an organisation.' })
  type!: 'CLUSTER' | 'ORGANIZATION';

  @Field(() => ID, { nullable: true, description: "The cluster's id; null for an organisation." })
  clusterId!: string | null;

  @Field(() => String, { nullable: true, description: 'The organisation number (nine digits); null for a cluster.' })
  orgNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'As last heard from the clusters service.' })
  name!: string | null;
}

@ObjectType('ApplicationStep', { description: 'One step of an application: to which status, by whom, when.' })
export class ApplicationStepType {
  @Field(() => ApplicationStatusEnum, { description: 'The status the application moved to.' })
  status!: ApplicationStatus;

  @Field(() => String, {
    nullable: true,
    description:
      "Who took the step (the caller's subject): personal data, shown only to admins, caseworkers of the programme's agency and the applying cluster's manager.",
  })
  actor!: string | null;

  @Field({ description: 'When: an ISO 8601 date-time.' })
  at!: string;

  @Field(() => String, { nullable: true, description: 'Why, in the words of who took the step; shown to the same callers as `actor`.' })
  note!: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType('Application', { description: 'An application to a call, and where it stands.' })
export class ApplicationType {
  @Field(() => ID, { description: "The application's id, a UUID." })
  id!: string;

  @Field({ description: 'What the application is for.' })
  title!: string;

  @Field(() => ApplicationStatusEnum, { description: 'Where it stands now.' })
  status!: ApplicationStatus;

  @Field(() => MoneyType, { description: 'Asked of the agency: exact whole NOK, a decimal string (never a float).' })
  requested!: MoneyType;

  @Field(() => MoneyType, { description: "The applicant's own co-financing: exact whole NOK; 0 when none." })
  ownFunding!: MoneyType;

  @Field(() => String, { nullable: true, description: "How the project is co-financed, in the applicant's words; null when not given." })
  cofinancingPlan!: string | null;
}

export const ApplicationConnection = connectionOf(ApplicationType, 'Application', 'applications');

@InputType('ApplicationFilter', { description: 'Which applications to list: each field given narrows the list.' })
export class ApplicationFilter {
  @Field(() => ApplicationStatusEnum, { nullable: true, description: 'Only applications with this status now.' })
  status?: ApplicationStatus;

  @Field(() => ID, { nullable: true, description: 'Only applications to this call.' })
  callId?: string;

  @Field({ nullable: true, description: "Only applications to this programme's calls." })
  programmeCode?: string;

  @Field(() => ID, { nullable: true, description: 'Only applications by this cluster.' })
  clusterId?: string;

  @Field({ nullable: true, description: 'Only applications by the organisation with this number.' })
  orgNumber?: string;
}

@InputType('CreateApplicationInput', { description: 'Give clusterId or orgNumber: the applicant.' })
export class CreateApplicationInput {
  @Field(() => ID, { description: 'The call applied to.' })
  callId!: string;

  @Field(() => ID, {
    nullable: true,
    description: "A cluster that applies: one the programme knows, at a level the programme's eligibleClusterLevels names.",
  })
  clusterId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "An organisation that applies: a registered one, of a kind the programme's eligibleOrganizationKinds names.",
  })
  orgNumber?: string | null;

  @Field({ description: 'What the application is for: at most 200 characters.' })
  title!: string;

  @Field({ description: 'Whole NOK asked of the agency, in digits (a string, never a float), above 0.' })
  requested!: string;

  @Field({
    defaultValue: '0',
    description: "Whole NOK of the applicant's own co-financing, in digits (a string, never a float); 0 or more.",
  })
  ownFunding!: string;

  @Field(() => String, { nullable: true, description: 'How the project is co-financed: at most 5000 characters.' })
  cofinancingPlan?: string | null;
}

@InputType('DecideApplicationInput', { description: 'The decision on an application under review.' })
export class DecideApplicationInput {
  @Field(() => DecisionEnum, { description: 'GRANTED or REJECTED.' })
  decision!: 'GRANTED' | 'REJECTED';

  @Field({ nullable: true, description: "Why, in the caseworker's words: at most 2000 characters; shown like the step's actor." })
  note?: string;

  @Field({
    nullable: true,
    description: 'Whole NOK, in digits (a string, never a float); the amount requested when left out, and never more. Only for GRANTED.',
  })
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
