import { clusterReference, organizationReference } from '@klynge/read-models';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The clusters subgraph's entities, seen from competence: who hosts and who enrols. */
export const ClusterReference = clusterReference();
export type ClusterReference = InstanceType<typeof ClusterReference>;
export const OrganizationReference = organizationReference();
export type OrganizationReference = InstanceType<typeof OrganizationReference>;

/** The funding subgraph's entities, referred to by key; the gateway resolves their fields there. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Grant', {
  description:
    'Money awarded: on a granted application, or (with a `source`) a grant made outside this workflow and recorded from a public report.',
})
export class GrantReference {
  @Field(() => ID, { description: "The grant's id, a UUID." })
  id!: string;
}

@Directive('@key(fields: "code", resolvable: false)')
@ObjectType('FundingProgramme', { description: 'A programme an agency funds through, and who may apply to it.' })
export class FundingProgrammeReference {
  @Field({ description: 'Its key: upper-case words joined by hyphens, e.g. NIC.' })
  code!: string;
}
