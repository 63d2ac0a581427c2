import { registerEnumType } from 'type-graphql';

/** What a GraphQL enum and each of its values mean, as its SDL says. */
export interface GraphqlEnumOptions<V extends string> {
  name: string;
  description: string;
  /** Every value described: a value added to `values` without a description does not compile. */
  valuesConfig: { readonly [K in V]: { readonly description: string; readonly deprecationReason?: string } };
}

/**
 * A GraphQL enum of `values`, registered with type-graphql, and the object a field names it by
 * (`@Field(() => ClusterLevelEnum)`): each value its own name, typed as the union of `values`,
 * so the enum, the TypeScript type and the list a service checks against are one.
 *
 *   export const ClusterLevelEnum = graphqlEnum(CLUSTER_LEVELS, { name: 'ClusterLevel', ...CLUSTER_LEVEL_DESCRIPTIONS });
 */
export function graphqlEnum<const V extends string>(values: readonly V[], options: GraphqlEnumOptions<V>): { readonly [K in V]: K } {
  const enumObject = Object.fromEntries(values.map((value) => [value, value])) as { [K in V]: K };
  registerEnumType(enumObject, options);
  return enumObject;
}
