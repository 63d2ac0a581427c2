import { graphqlEnum, SourceType } from '@klynge/platform';
import { Field, Int, ObjectType } from 'type-graphql';
import { PROGRAMME_FACT_KINDS, type ProgrammeFactKind } from './reported-figure.kinds';

export const ProgrammeFactKindEnum = graphqlEnum(PROGRAMME_FACT_KINDS, {
  name: 'ProgrammeFactKind',
  description: 'What a reported programme figure is about, so that it can be set beside what the graph counts.',
  valuesConfig: {
    BUDGET: { description: "The cluster programme's money in the year (NOK million)." },
    CLUSTERS: { description: 'Every cluster in the programme that year.' },
    CLUSTERS_BY_LEVEL: {
      description: 'Clusters per level that year, in the words of the page (e.g. "3 / 14 / 22" for GCE / NCE / Arena).',
    },
    SUPPORT_PER_CLUSTER: { description: 'Support a cluster of a level got a year, on average or as one cluster reports it.' },
    COMPANIES: { description: 'Companies that are members of clusters.' },
    APPLICATIONS: { description: 'Applications to a call or round, and how many were admitted.' },
    OTHER: { description: 'Anything else: still with its page, never set beside a count it may not be.' },
  },
});

@ObjectType('ProgrammeFact', {
  description:
    "A figure about the programme as a public page reports it, with the page: the programme's budget, its clusters per level, average support. Where pages disagree, each is a fact of its own.",
})
export class ProgrammeFactType {
  @Field(() => Int, { nullable: true, description: 'The year it is about; null when the page does not say.' })
  year!: number | null;

  @Field({ description: 'What the figure is, in the words of the register it comes from.' })
  fact!: string;

  @Field({ description: 'The figure as the page gives it: "137", "about 30 clusters", "3 / 14 / 22".' })
  value!: string;

  @Field(() => String, { nullable: true, description: 'Its unit ("NOK million", "clusters", ...); null where it has none.' })
  unit!: string | null;

  @Field(() => ProgrammeFactKindEnum, { description: 'What it is about.' })
  kind!: ProgrammeFactKind;

  @Field(() => String, {
    nullable: true,
    description:
      'The figure as a decimal number in its unit, where the page gives one plain number ("137", "182.8"); null where it does not ("about 30").',
  })
  quantity!: string | null;

  @Field(() => SourceType, { description: 'The page it comes from.' })
  source!: SourceType;
}
