import { clusterReference, organizationReference } from '@klynge/read-models';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The clusters subgraph's entities, seen from competence: who hosts and who enrols. */
export const ClusterReference = clusterReference();
export type ClusterReference = InstanceType<typeof ClusterReference>;
export const OrganizationReference = organizationReference();
export type OrganizationReference = InstanceType<typeof OrganizationReference>;

/** The funding subgraph's entities, referred to by key; the gateway resolves their fields there. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Grant')
export class GrantReference {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "code", resolvable: false)')
@ObjectType('FundingProgramme')
export class FundingProgrammeReference {
  @Field()
  code!: string;
}
