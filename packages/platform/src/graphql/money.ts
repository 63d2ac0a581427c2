import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * An exact amount: whole units as a decimal string (never a float, and fine past 2^53), with its
 * currency. Klynge's amounts are whole NOK, held as bigint in PostgreSQL. Every subgraph with
 * money answers with this one type, so it is shareable.
 */
@Directive('@shareable')
@ObjectType('Money', {
  description:
    'An exact amount: whole units as a decimal string, and the ISO 4217 currency. Every amount in the graph is whole Norwegian kroner (NOK).',
})
export class MoneyType {
  @Field({
    description:
      'Whole units of the currency as a string of decimal digits, e.g. "10000000" for NOK 10 million. A string, never a float: exact at any size; parse it as a decimal or a big integer.',
  })
  amount!: string;

  @Field({ description: 'The ISO 4217 currency code: always NOK.' })
  currency!: string;
}

/** An amount of whole Norwegian kroner. */
export function nok(amount: bigint | string | number): MoneyType {
  return { amount: BigInt(amount).toString(), currency: 'NOK' };
}
