// type-graphql reads decorator metadata through the Reflect API, which this polyfills; every
// service's resolvers import the platform first, so it is in place before their classes load.
import 'reflect-metadata';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap';
import { MapperKind, mapSchema, printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLObjectType, type GraphQLSchema, parse } from 'graphql';
import { buildSchema, createResolversMap, getMetadataStorage, type NonEmptyArray } from 'type-graphql';
import { attachInputLayer, declaredLimits, documentLimits } from './operation-input-rules';
import { NotFoundError } from './errors';
import type { RequestContext } from './request-context';

/** The Federation 2 version every Klynge subgraph links, and the directives it imports. */
export const FEDERATION_SPEC_URL = 'https://specs.apollo.dev/federation/v2.11';
const FEDERATION_DIRECTIVES = [
  '@key',
  '@shareable',
  '@external',
  '@requires',
  '@provides',
  '@inaccessible',
  '@tag',
  '@override',
  '@interfaceObject',
];

/** Resolves an entity the gateway refers to by its key fields. Null means no such entity: the reference is answered with NOT_FOUND. */
export type ReferenceResolver<TContext extends RequestContext = RequestContext> = (
  reference: Record<string, unknown>,
  context: TContext,
) => unknown;

export interface SubgraphSchemaOptions<TContext extends RequestContext = RequestContext> {
  /** Resolver instances, built by the service with what they need (constructor injection). */
  readonly resolvers: readonly object[];
  /** Types no resolver returns directly but the schema must contain (e.g. entity stubs). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's type for classes
  readonly orphanedTypes?: readonly Function[];
  /** Per entity type name, how to resolve a reference to it: see {@link batchedReference}. */
  readonly referenceResolvers?: Readonly<Record<string, ReferenceResolver<TContext>>>;
}

/**
 * Builds a Federation 2 subgraph schema from type-graphql resolvers: type-graphql generates the
 * types (with their `@key` and other directives), the SDL gets the federation `@link`, and
 * @apollo/subgraph adds `_service`, `_entities` and the reference resolvers.
 */
export async function buildFederatedSchema<TContext extends RequestContext>(
  options: SubgraphSchemaOptions<TContext>,
): Promise<GraphQLSchema> {
  if (options.resolvers.length === 0) throw new Error('A subgraph needs at least one resolver');
  const instances = new Map<unknown, object>(options.resolvers.map((resolver) => [resolver.constructor, resolver]));
  useSimpleResolvers();
  const typeGraphQLSchema = await buildSchema({
    resolvers: [...instances.keys()] as NonEmptyArray<() => void>,
    orphanedTypes: [...(options.orphanedTypes ?? [])],
    container: {
      get(resolverClass: unknown) {
        const instance = instances.get(resolverClass);
        if (!instance) throw new Error(`No instance was given for resolver ${String(resolverClass)}`);
        return instance;
      },
    },
    // Entity-only subgraphs have no root Query of their own; @apollo/subgraph adds one.
    skipCheck: true,
  });

  const imports = FEDERATION_DIRECTIVES.map((name) => JSON.stringify(name)).join(', ');
  // Input limits are declared on the type-graphql classes; the SDL says them in descriptions.
  const limits = declaredLimits(typeGraphQLSchema);
  const typeDefs = parse(
    `extend schema @link(url: "${FEDERATION_SPEC_URL}", import: [${imports}])\n` +
      printSchemaWithDirectives(describeRootTypes(documentLimits(typeGraphQLSchema, limits))),
  );
  const resolvers = createResolversMap(typeGraphQLSchema) as GraphQLResolverMap<unknown>;
  for (const [typeName, resolveReference] of Object.entries(options.referenceResolvers ?? {})) {
    const existing = resolvers[typeName] ?? {};
    resolvers[typeName] = {
      ...existing,
      __resolveReference: orNotFound(typeName, resolveReference),
    } as GraphQLResolverMap<unknown>[string];
  }
  const schema = buildSubgraphSchema({ typeDefs, resolvers });
  attachInputLayer(schema, limits);
  return schema;
}

/**
 * type-graphql gives every field that only reads a property a resolver of its own, to run
 * middlewares and @Authorized checks around it; Klynge uses neither (access is checked in the
 * resolvers), so such fields keep graphql-js's default resolver: a property read instead of a call
 * and an object per field, which on a dashboard's thousands of fields was most of a subgraph's work.
 * A type with a field that has middlewares, roles or a name other than its property's keeps the
 * wrappers (the default resolver reads the field's name); there are none today.
 */
function useSimpleResolvers(): void {
  const storage = getMetadataStorage();
  const needsWrapper = (field: (typeof storage.fields)[number]) =>
    Boolean(field.middlewares?.length || field.roles || field.name !== field.schemaName);
  const wrapped = new Set(storage.fields.filter(needsWrapper).map((field) => field.target));
  for (const objectType of storage.objectTypes) {
    if (!wrapped.has(objectType.target)) objectType.simpleResolvers ??= true;
  }
}

/**
 * What the root types are, in every subgraph alike (the supergraph merges them into one): type-graphql
 * gives its resolvers' classes no way to describe them.
 */
const ROOT_TYPE_DESCRIPTIONS = {
  Query: 'The entry points for reading: look-ups by key, lists a page at a time, and statistics.',
  Mutation:
    'The entry points for changing data. Each says who may call it; a call without a caller is UNAUTHENTICATED, one by anyone else FORBIDDEN, and a refused call writes nothing.',
} as const;

function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const describe = (type: GraphQLObjectType, description: string) =>
    new GraphQLObjectType({ ...type.toConfig(), description: type.description ?? description });
  return mapSchema(schema, {
    [MapperKind.QUERY]: (type) => describe(type, ROOT_TYPE_DESCRIPTIONS.Query),
    [MapperKind.MUTATION]: (type) => describe(type, ROOT_TYPE_DESCRIPTIONS.Mutation),
  });
}

/**
 * A reference to an entity this subgraph does not know is an error naming it, not a silent null:
 * the gateway then answers null for that one field with the error beside it, where a bare null
 * in `_entities` would let it null a whole answer with no error at all.
 */
function orNotFound<TContext extends RequestContext>(typeName: string, resolve: ReferenceResolver<TContext>): ReferenceResolver<TContext> {
  return async (reference, context) => {
    const found = await resolve(reference, context);
    if (found !== null && found !== undefined) return found;
    const keys = Object.entries(reference).filter(([field]) => field !== '__typename');
    throw new NotFoundError(typeName, keys.map(([, value]) => String(value)).join(' '), keys.map(([field]) => field).join(' '));
  };
}

/** The subgraph SDL with its federation directives, as committed under schemas/. */
export function printSubgraphSdl(schema: GraphQLSchema): string {
  return `${printSubgraphSchema(schema).trim()}\n`;
}

/**
 * A reference resolver that collects every reference of one request and loads them with one
 * call to `load` (so one SQL query however many references the gateway sends).
 *
 * @param loaderName unique per entity type within the service
 * @param keyOf reads the key from the reference, e.g. `(ref) => String(ref.id)`
 * @param load answers one entity or null per key, in the keys' order (see alignByKey)
 */
export function batchedReference<K, V, TContext extends RequestContext = RequestContext>(
  loaderName: string,
  keyOf: (reference: Record<string, unknown>) => K,
  load: (keys: readonly K[], context: TContext) => Promise<readonly (V | null)[]>,
): ReferenceResolver<TContext> {
  return (reference, context) => context.loaders.get<K, V | null>(loaderName, (keys) => load(keys, context)).load(keyOf(reference));
}
