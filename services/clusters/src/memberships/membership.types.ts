import { connectionOf } from '@klynge/platform';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { MEMBERSHIP_ROLES, type MembershipRole } from './membership.entity';

export const MembershipRoleEnum = Object.fromEntries(MEMBERSHIP_ROLES.map((role) => [role, role])) as {
  [R in MembershipRole]: R;
};
registerEnumType(MembershipRoleEnum, {
  name: 'MembershipRole',
  description: 'MEMBER, PARTNER, or HOST (the host or facilitator of the cluster).',
});

@ObjectType('Membership', { description: 'An organisation in a cluster, in a role, from a date (and until one, once ended).' })
export class MembershipType {
  @Field(() => ID)
  id!: string;

  @Field(() => MembershipRoleEnum)
  role!: MembershipRole;

  @Field({ description: 'YYYY-MM-DD' })
  joinedOn!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, the last day; null while it lasts' })
  leftOn!: string | null;
}

export const MembershipConnection = connectionOf(MembershipType, 'Membership');

@InputType('AddMemberInput')
export class AddMemberInput {
  @Field(() => ID)
  clusterId!: string;

  @Field()
  orgNumber!: string;

  @Field(() => MembershipRoleEnum, { defaultValue: 'MEMBER' })
  role!: MembershipRole;

  @Field({ description: 'YYYY-MM-DD' })
  joinedOn!: string;
}
