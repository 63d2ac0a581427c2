import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { MoneyType } from './money';

/**
 * What a cluster and its members received from one agency in one year. Every subgraph that
 * funds clusters adds a field of this one shared type to Cluster (funding for the agencies'
 * programmes, research for Forskningsrådet's projects, ...), each resolving its own part, so one
 * query through the gateway sets them side by side and no subgraph reads another's database.
 */
@Directive('@shareable')
@ObjectType('AgencySupportYear', { description: 'What a cluster and its members received from one agency in one year.' })
export class AgencySupportYearType {
  @Field({ description: 'The agency, e.g. innovasjon-norge, siva, forskningsradet.' })
  agencyCode!: string;

  @Field(() => Int, { description: 'The year the amount belongs to, e.g. 2017.' })
  year!: number;

  @Field(() => MoneyType, { description: 'What the agency gave that year: exact whole NOK, a decimal string (never a float).' })
  amount!: MoneyType;
}
