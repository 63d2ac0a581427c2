import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import type { Caller } from '@klynge/platform';
import { testCallers } from '@klynge/subgraph-under-test';
import {
  astFromValue,
  getNamedType,
  getNullableType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  print,
} from 'graphql';
import type { Gateway } from './server';
import { supergraphFile } from './subgraphs';
import { GRAPH_SETUP_TIMEOUT_MS, gatewayClient, type GraphUnderTest, startGraphUnderTest } from './test-support/graph-under-test';
import { buildWorld, type World } from './test-support/world';

// The schema clients see: the supergraph without its federation machinery.
const schema = Supergraph.build(readFileSync(supergraphFile, 'utf8')).apiSchema().toGraphQLJSSchema();
const RUNS = Number(process.env.FUZZ_RUNS ?? 600);
const LEAK = /\bat \S+ \(|node_modules|\/work\/|SELECT |INSERT INTO|violates .* constraint|\b127\.0\.0\.1\b|localhost:\d+/;
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
// An operation takes some 15 ms here; a long run gets time in proportion, at 50 ms each.
const RUN_TIMEOUT_MS = Math.max(120_000, RUNS * 50);

/** A small seeded generator (mulberry32): a failure names its seed and can be run again. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    chance: (probability: number) => next() < probability,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

/**
 * Random valid operations built from the supergraph, every query and mutation, with the values
 * that broke things before: NUL characters, malformed and unknown ids, extreme numbers, long
 * strings and lists, impossible dates, explicit nulls; and, to get past the first checks, real
 * ids and codes of what the graph holds. Whatever the caller, the graph must answer each with
 * data or an error that has a code, never a 5xx or an INTERNAL_SERVER_ERROR.
 */
describe('the graph under random operations', () => {
  let graph: GraphUnderTest;
  let gateway: Gateway;
  let production: Gateway;
  let world: World;
  const urls: Record<'development' | 'production', string> = { development: '', production: '' };

  beforeAll(async () => {
    graph = await startGraphUnderTest('fuzz');
    gateway = await graph.gatewayOver({ MAX_BODY_SIZE: '1mb' });
    urls.development = await gateway.start();
    // Documents from anyone, so that the fuzzed ones reach the parser and the limits.
    production = await graph.gatewayOver({ NODE_ENV: 'production', MAX_BODY_SIZE: '1mb', ANONYMOUS_OPERATIONS: 'any' });
    urls.production = await production.start();
    world = await buildWorld(graph, gatewayClient(urls.development));
  }, GRAPH_SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await gateway?.stop();
    await production?.stop();
    await graph?.close();
  });

  it.each([
    ['development', RUNS, SEED],
    ['production', RUNS, SEED + 1],
  ] as const)(
    'answers random operations in %s mode without a server error or a leak (%i of them, seed %i)',
    async (mode, runs, seed) => {
      const client = gatewayClient(urls[mode]);
      const random = generator(seed);
      const realIds = Object.values(world);
      const strings = [
        '',
        'a',
        'a\u0000b',
        '\u0000',
        // Half of a surrogate pair: JSON can carry one; UTF-8 cannot store it.
        '\ud800',
        'a\udfffb',
        'x'.repeat(10_001),
        'ø'.repeat(300),
        "' OR 1=1 --",
        '\u202e🙂',
        '<script>alert(1)</script>',
        '2017-02-30',
        '2017-11-01',
        '9999-12-31',
        '0000-00-00',
        '2018-09-20T12:00:00+02:00',
        'yesterday',
        '123456785',
        '123456789',
        '974760673',
        '-1',
        '0',
        '99999999999999999999999',
        '1e3',
        'NaN',
        'null',
        'OMSTILLINGSMOTOREN',
        'innovasjon-norge',
        'siva',
        'NCE',
        '03',
        '3401',
        '62.010',
        'https://klynge.no',
        'javascript:alert(1)',
        'not-a-uuid',
        ...realIds,
        // Cursors forged to look like the lists' own.
        ...[['x', randomUUID()], [1, 2], ['2017-02-30', 'x'], ['a\u0000', 'b'], []].map((key) =>
          Buffer.from(JSON.stringify(key)).toString('base64url'),
        ),
      ];
      const ids = [
        ...realIds,
        randomUUID(),
        'not-a-uuid',
        '',
        '\u0000',
        '00000000-0000-0000-0000-000000000000',
        `${world.clusterA}\u0000`,
        world.clusterA.toUpperCase(),
      ];
      const ints = [0, 1, -1, 20, 1_000, 1_001, 2_147_483_647, -2_147_483_648, 2017, 1799];
      const floats = [0, -1, 0.5, 1e308, -1e308];
      const callers: (Caller | undefined)[] = [
        undefined,
        testCallers.admin,
        testCallers.viewer,
        testCallers.caseworker('innovasjon-norge'),
        testCallers.caseworker('siva'),
        testCallers.managerOf(world.clusterA),
      ];

      const valueFor = (type: GraphQLInputType, depth: number): unknown => {
        if (!isNonNullType(type) && random.chance(0.15)) return null;
        const inner = getNullableType(type);
        if (isListType(inner)) {
          const length = random.pick([0, 1, 2, 3, depth === 0 ? 101 : 2]);
          return Array.from({ length }, () => valueFor(inner.ofType, depth + 1));
        }
        if (isInputObjectType(inner)) {
          const value: Record<string, unknown> = {};
          for (const field of Object.values(inner.getFields())) {
            if (isNonNullType(field.type) && field.defaultValue === undefined) value[field.name] = valueFor(field.type, depth + 1);
            else if (random.chance(0.5)) value[field.name] = valueFor(field.type, depth + 1);
          }
          // A misspelt field: development suggests the right one, production must not.
          if (random.chance(0.05)) value[misspelt(random.pick(Object.keys(inner.getFields())))] = 'x';
          return value;
        }
        if (isEnumType(inner)) {
          const chosen = random.pick(inner.getValues()).value as string;
          return random.chance(0.05) ? misspelt(chosen) : chosen;
        }
        switch (inner.name) {
          case 'ID':
            return random.pick(ids);
          case 'Int':
            return random.pick(ints);
          case 'Float':
            return random.pick(floats);
          case 'Boolean':
            return random.chance(0.5);
          default:
            return random.pick(strings);
        }
      };

      /** `value` written into the document; null when it cannot be (a misspelt enum value), so it goes as a variable. */
      const literalOf = (value: unknown, type: GraphQLInputType) => {
        try {
          return astFromValue(value, type);
        } catch {
          return null;
        }
      };

      /** `name` without its last character: close enough to be suggested. */
      const misspelt = (name: string) => (name.length > 1 ? name.slice(0, -1) : `${name}x`);

      /** Some of a type's fields (leaves, and one level of objects), none that needs an argument. */
      const selectionOf = (type: GraphQLObjectType, depth: number): string => {
        const fields = Object.values(type.getFields()).filter((field: GraphQLField<unknown, unknown>) =>
          field.args.every((argument) => !isNonNullType(argument.type)),
        );
        const chosen = fields.filter(() => random.chance(0.4)).slice(0, 8);
        const parts = ['__typename'];
        for (const field of chosen) {
          const named = getNamedType(field.type);
          if (isLeafType(named)) parts.push(field.name);
          else if (isObjectType(named) && depth < 2) parts.push(`${field.name} { ${selectionOf(named, depth + 1)} }`);
        }
        return parts.join(' ');
      };

      const roots = [
        ...Object.values(schema.getQueryType()!.getFields()).map((field) => ['query', field] as const),
        ...Object.values(schema.getMutationType()!.getFields()).map((field) => ['mutation', field] as const),
      ];
      const failures: string[] = [];
      for (let run = 0; run < runs; run += 1) {
        const [kind, field] = random.pick(roots);
        const variables: Record<string, unknown> = {};
        const definitions: string[] = [];
        const args: string[] = [];
        for (const argument of field.args) {
          if (!isNonNullType(argument.type) && random.chance(0.4)) continue;
          const value = valueFor(argument.type, 0);
          // Mostly as variables; sometimes written into the document, which takes another path.
          const literal = value !== null && random.chance(0.2) ? literalOf(value, argument.type) : null;
          if (literal) {
            args.push(`${argument.name}: ${print(literal)}`);
          } else {
            definitions.push(`$${argument.name}: ${String(argument.type)}`);
            args.push(`${argument.name}: $${argument.name}`);
            variables[argument.name] = value;
          }
        }
        const returned = getNamedType(field.type);
        let selection = isObjectType(returned) ? selectionOf(returned, 0) : undefined;
        let fragments = '';
        // Shapes that cost validation work: the selection in fragments (spread twice, or in a
        // loop), or repeated many times over.
        if (selection !== undefined && random.chance(0.15)) {
          const shape = random.pick(['fragment', 'twice', 'loop', 'repeated'] as const);
          const on = returned.name;
          if (shape === 'repeated') selection = selection.concat(' ').repeat(random.pick([2, 21, 200]));
          else {
            fragments = `\nfragment S on ${on} { ${selection}${shape === 'loop' ? ' ...T' : ''} }`;
            if (shape === 'loop') fragments += `\nfragment T on ${on} { __typename ...S }`;
            selection = shape === 'twice' ? '...S ...S' : '...S';
          }
        }
        const query = `${kind} Fuzz${definitions.length ? `(${definitions.join(', ')})` : ''} { ${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection !== undefined ? ` { ${selection} }` : ''} }${fragments}`;
        const caller = random.pick(callers);
        const answer = await client.gq(query, variables, caller);
        const codes = (answer.errors ?? []).map((error) => error.extensions?.code);
        // A stack trace, a file path, SQL text or an internal address, anywhere in the errors; in
        // production also a name of the schema the caller did not send.
        const leak = mode === 'production' ? new RegExp(`${LEAK.source}|Did you mean`) : LEAK;
        const leaks = (answer.errors ?? []).filter((error) => leak.test(JSON.stringify(error)));
        if (answer.status >= 500 || codes.includes('INTERNAL_SERVER_ERROR') || codes.includes(undefined) || leaks.length > 0) {
          failures.push(
            `${answer.status} ${JSON.stringify(answer.errors).slice(0, 300)}\n  ${query.slice(0, 300)}\n  ${JSON.stringify(variables).slice(0, 300)} as ${caller?.subject ?? 'anonymous'}`,
          );
        }
      }
      expect(failures).toEqual([]);
      // And every process still answers.
      for (const url of [urls[mode], ...[...graph.subgraphs.values()].map((service) => service.url)]) {
        expect({ url, status: (await fetch(new URL('/health', url))).status }).toEqual({ url, status: 200 });
      }
    },
    RUN_TIMEOUT_MS,
  );
});
