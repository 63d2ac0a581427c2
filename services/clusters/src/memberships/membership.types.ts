import { connectionOf, graphqlEnum } from '@klynge/platform';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { MEMBERSHIP_ROLES, type MembershipRole } from './membership.entity';

export const MembershipRoleEnum = graphqlEnum(MEMBERSHIP_ROLES, {
  name: 'MembershipRole',
  description: 'MEMBER, PARTNER, or HOST (the host or facilitator of the cluster).',
  valuesConfig: {
    MEMBER: { description: 'A member of the cluster.' },
    PARTNER: { description: 'A partner of the cluster.' },
    HOST: { description: 'The host or facilitator of the cluster.' },
  },
});

@ObjectType('Membership', { description: 'An organisation in a cluster, in a role, from a date (and until one, once ended).' })
export class MembershipType {
  @Field(() => ID, { description: "The membership's id, a UUID." })
  id!: string;

  @Field(() => MembershipRoleEnum, { description: 'The part the organisation plays in the cluster.' })
  role!: MembershipRole;

  @Field({ description: 'YYYY-MM-DD: the first day of the membership.' })
  joinedOn!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, the last day; null while it lasts' })
  leftOn!: string | null;
}

export const MembershipConnection = connectionOf(MembershipType, 'Membership', 'memberships');

@InputType('AddMemberInput', { description: 'An organisation that joins a cluster.' })
export class AddMemberInput {
  @Field(() => ID, { description: "The cluster's id." })
  clusterId!: string;

  @Field({
    description:
      'The organisation number (9 digits, Brønnøysundregistrene) of an organisation already in the registry (registerOrganization).',
  })
  orgNumber!: string;

  @Field(() => MembershipRoleEnum, { defaultValue: 'MEMBER', description: 'Its part in the cluster.' })
  role!: MembershipRole;

  @Field({
    description: 'YYYY-MM-DD: the first day. CONFLICT when the organisation is a member of the cluster in a period that overlaps it.',
  })
  joinedOn!: string;
}
