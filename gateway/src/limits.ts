import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  type GraphQLNamedType,
  type GraphQLSchema,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface QueryLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxCost: number;
}

/** Fields that answer from the schema itself; what they select is not measured. */
const INTROSPECTION_FIELDS: ReadonlySet<string> = new Set(['__schema', '__type']);

/** Items a list field is taken to return when its `first` argument does not say. */
const DEFAULT_LIST_SIZE = 20;

/**
 * Refuses, before any subgraph is asked, operations deeper, more aliased or costlier than the
 * limits. Cost: every field costs 1, times the page sizes (`first`, or 20) of the lists around
 * it, so asking for 1,000 clusters' grants costs about 1,000 times one cluster's.
 */
export function queryLimits<TContext extends object>(limits: QueryLimits): ApolloServerPlugin<TContext> {
  return {
    // eslint-disable-next-line @typescript-eslint/require-await -- Apollo's hook is async by contract
    async requestDidStart() {
      return {
        // eslint-disable-next-line @typescript-eslint/require-await
        async didResolveOperation({ document, operation, schema }) {
          if (!operation) return;
          const measured = measure(document, operation, schema);
          if (measured.depth > limits.maxDepth) {
            throw refused('QUERY_TOO_DEEP', `The query is ${measured.depth} levels deep; at most ${limits.maxDepth} are allowed`);
          }
          if (measured.aliases > limits.maxAliases) {
            throw refused('TOO_MANY_ALIASES', `The query uses ${measured.aliases} aliases; at most ${limits.maxAliases} are allowed`);
          }
          if (measured.cost > limits.maxCost) {
            throw refused('QUERY_TOO_COSTLY', `The query would cost ${measured.cost}; at most ${limits.maxCost} is allowed`);
          }
        },
      };
    },
  };
}

function refused(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

/**
 * Depth, aliases and estimated cost of `operation`. A list field multiplies what is below it by
 * its page size: its own `first` argument, or that of the connection it sits in, or 20.
 */
export function measure(document: DocumentNode, operation: OperationDefinitionNode, schema: GraphQLSchema) {
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  let aliases = 0;
  const walk = (
    selectionSet: SelectionSetNode,
    parent: GraphQLNamedType | undefined,
    scope: { depth: number; multiplier: number; pageSize: number | undefined; fragments: ReadonlySet<string> },
  ): { depth: number; cost: number } => {
    let deepest = scope.depth;
    let cost = 0;
    const add = (inner: { depth: number; cost: number }) => {
      deepest = Math.max(deepest, inner.depth);
      cost += inner.cost;
    };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) aliases += 1;
        cost += scope.multiplier;
        // The schema is not data: an IDE's introspection query nests `ofType` 14 deep. Where
        // introspection is off (production) it is refused before this plugin runs.
        if (!selection.selectionSet || INTROSPECTION_FIELDS.has(selection.name.value)) continue;
        const fields = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields() : undefined;
        const type = fields?.[selection.name.value]?.type;
        const first = selection.arguments?.find((argument) => argument.name.value === 'first');
        const ownPageSize = first?.value.kind === Kind.INT ? Number(first.value.value) : undefined;
        const isList = type !== undefined && isListType(getNullableType(type));
        add(
          walk(selection.selectionSet, type ? getNamedType(type) : undefined, {
            depth: scope.depth + 1,
            multiplier: scope.multiplier * (isList ? (ownPageSize ?? scope.pageSize ?? DEFAULT_LIST_SIZE) : 1),
            // A connection's `first` applies to the list (edges) inside it.
            pageSize: isList ? undefined : ownPageSize,
            fragments: scope.fragments,
          }),
        );
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        add(walk(selection.selectionSet, condition ?? undefined, scope));
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || scope.fragments.has(fragment.name.value)) continue;
        add(
          walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? undefined, {
            ...scope,
            fragments: new Set([...scope.fragments, fragment.name.value]),
          }),
        );
      }
    }
    return { depth: deepest, cost };
  };
  const root = schema.getRootType(operation.operation) ?? undefined;
  const { depth, cost } = walk(operation.selectionSet, root, { depth: 0, multiplier: 1, pageSize: undefined, fragments: new Set() });
  return { depth, aliases, cost };
}
