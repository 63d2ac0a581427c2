import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  type DocumentNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  type GraphQLSchema,
  isListType,
  Kind,
  type OperationDefinitionNode,
  validate,
} from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';

export interface QueryLimits {
  /** Deepest field, counting the root field as 1. */
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxCost: number;
  /** Most fields the cost walk visits (fragments counted each time they are spread). */
  readonly maxNodes: number;
}

/** Items a list field is taken to return when its `first` argument does not say. */
export const DEFAULT_LIST_SIZE = 20;

/**
 * Refuses, before any subgraph is asked and before a query plan is made, operations deeper, more
 * aliased or costlier than the limits, with variables taken at their values.
 *
 * Runs after documentLimits (document-limits.ts) has refused, before validation, every document
 * that expands to more than `maxNodes` selections or loops through its fragments: depth and
 * aliases are measured by GraphQL Armor (each fragment once), the cost by graphql-query-complexity,
 * whose walk expands fragments where they are spread and so is bounded by that check.
 */
export function queryLimits<TContext extends object>(limits: QueryLimits): ApolloServerPlugin<TContext> {
  return {
    // eslint-disable-next-line @typescript-eslint/require-await -- Apollo's hook is async by contract
    async requestDidStart() {
      return {
        // eslint-disable-next-line @typescript-eslint/require-await
        async didResolveOperation({ document, operation, schema, request }) {
          // Apollo Server refuses a document without the operation asked for before this hook.
          if (!operation) return;
          const { depth, aliases } = shapeOf(document, operation, schema);
          if (depth > limits.maxDepth) {
            throw refused('QUERY_TOO_DEEP', `The query is ${depth} levels deep; at most ${limits.maxDepth} are allowed`);
          }
          if (aliases > limits.maxAliases) {
            throw refused('TOO_MANY_ALIASES', `The query uses ${aliases} aliases; at most ${limits.maxAliases} are allowed`);
          }
          const cost = measureCost(document, operation, schema, request.variables ?? {}, limits.maxNodes);
          if (cost > limits.maxCost) {
            throw refused('QUERY_TOO_COSTLY', `The query would cost ${cost}; at most ${limits.maxCost} is allowed`);
          }
        },
      };
    },
  };
}

function refused(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

/** The operation with the fragments it may use: what the measuring rules look at. */
function alone(document: DocumentNode, operation: OperationDefinitionNode): DocumentNode {
  return {
    kind: Kind.DOCUMENT,
    definitions: [operation, ...document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)],
  };
}

/** What GraphQL Armor's rules report when an operation is within their limit. */
interface Measured {
  readonly n: number;
}

/**
 * Apollo Server keeps each document it has parsed and validated (its document store), so a
 * repeated operation arrives as the same node: its shape, which variables do not change, is
 * measured once per schema.
 */
const shapes = new WeakMap<OperationDefinitionNode, { readonly schema: GraphQLSchema; readonly shape: ReturnType<typeof measureShape> }>();

function shapeOf(document: DocumentNode, operation: OperationDefinitionNode, schema: GraphQLSchema) {
  const known = shapes.get(operation);
  if (known?.schema === schema) return known.shape;
  const shape = measureShape(document, operation, schema);
  shapes.set(operation, { schema, shape });
  return shape;
}

/**
 * Depth (fields from the root field to the deepest leaf, fragments flattened) and aliases of
 * `operation`. Introspection (`__schema`) is not measured: an IDE's introspection query nests
 * `ofType` 14 deep, and production refuses introspection before this runs.
 */
export function measureShape(document: DocumentNode, operation: OperationDefinitionNode, schema: GraphQLSchema) {
  let depth = 0;
  let aliases = 0;
  // With no limit of their own the rules only measure; the limits are compared above, so that
  // the errors keep Klynge's codes.
  validate(schema, alone(document, operation), [
    maxDepthRule({
      n: Infinity,
      flattenFragments: true,
      ignoreIntrospection: true,
      onAccept: [(_context, found: Measured) => (depth = found.n)],
    }),
    // Every alias counts, __typename's too (by default the rule lets those through, and each is a key in every item of a list).
    maxAliasesRule({ n: Infinity, allowList: [], onAccept: [(_context, found: Measured) => (aliases = found.n)] }),
  ]);
  return { depth, aliases };
}

/**
 * The estimated cost of `operation` with `variables`: every field costs 1 plus what it selects,
 * times its page size. A field's page size is its `first` argument (variables resolved, defaults
 * applied); a list without one counts as {@link DEFAULT_LIST_SIZE} items, except the `edges` of a
 * connection, which its connection's `first` already counts. So asking for 1,000 clusters' grants
 * costs about 1,000 times one cluster's. Introspection (`__schema`, `__type`) costs nothing;
 * `__typename` costs 1 like any field.
 *
 * An operation that expands to more than `maxNodes` fields costs Infinity (documentLimits refuses
 * those before they get here; registered operations are known to be small).
 */
export function measureCost(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  schema: GraphQLSchema,
  variables: Record<string, unknown>,
  maxNodes: number,
): number {
  try {
    return getComplexity({
      schema,
      query: alone(document, operation),
      variables,
      estimators: [pageSizeEstimator],
      maxQueryNodes: maxNodes,
    });
  } catch (error) {
    if (error instanceof GraphQLError && error.message.includes('maximum allowed number of nodes')) return Infinity;
    // A variable of the wrong type, found while resolving `first`: the client's mistake.
    throw new GraphQLError(error instanceof Error ? error.message : String(error), {
      extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
    });
  }
}

const isConnection = (typeName: string) => typeName.endsWith('Connection');

const pageSizeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  // The schema is not data; __typename is a field like any other in every item it is asked of.
  if (field.name === '__schema' || field.name === '__type') return 0;
  const first = typeof args.first === 'number' ? Math.max(1, args.first) : undefined;
  const returned = getNullableType(field.type);
  let pageSize = 1;
  if (first !== undefined) pageSize = first;
  else if (isListType(returned)) pageSize = isConnection(type.name) ? 1 : DEFAULT_LIST_SIZE;
  else if (isConnection(getNamedType(returned).name)) pageSize = DEFAULT_LIST_SIZE;
  return 1 + pageSize * childComplexity;
};
