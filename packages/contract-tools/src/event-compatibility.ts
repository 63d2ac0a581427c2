import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eventSchemaDir } from '@klynge/schemas';

/**
 * Compatibility of the event schemas (schemas/events/<topic>/<Event>.json), public contracts like
 * the GraphQL schemas: against the version on main, a change that could break a consumer (a field
 * removed or renamed, a type or value set narrowed, a new required field, a new or tighter
 * constraint) is a break. There is no declaring one: a break comes as a new major version (a new
 * topic, `...v2`), with the old version kept as it was. Additive changes pass.
 */
export interface EventSchemaBreak {
  /** `<topic>/<Event>.json` */
  readonly schema: string;
  readonly change: string;
}

type JsonSchema = boolean | { readonly [keyword: string]: unknown };

const NARROWING_WHEN_ADDED = ['pattern', 'format', 'const', 'multipleOf', 'uniqueItems', 'not', 'oneOf', 'anyOf', 'allOf', 'if'] as const;
/** Bounds: a smaller maximum or a larger minimum narrows; the other way widens. */
const UPPER_BOUNDS = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'] as const;
const LOWER_BOUNDS = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties'] as const;

const typesOf = (schema: Record<string, unknown>): Set<string> | undefined => {
  const type = schema.type;
  if (type === undefined) return undefined; // any type
  const list = Array.isArray(type) ? (type as string[]) : [type as string];
  // An integer is a number: widening integer to number is fine, the other way is not.
  return new Set(list);
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The changes from `before` to `after` that could break a consumer, each worded with where it is. */
export function schemaBreaks(before: JsonSchema, after: JsonSchema, at = 'the event'): string[] {
  if (typeof before === 'boolean' || typeof after === 'boolean') {
    return before === after || after === true ? [] : [`${at} now accepts ${after ? 'anything' : 'nothing'}`];
  }
  const breaks: string[] = [];
  const beforeTypes = typesOf(before);
  const afterTypes = typesOf(after);
  if (
    afterTypes &&
    (!beforeTypes || [...beforeTypes].some((type) => !afterTypes.has(type) && !(type === 'integer' && afterTypes.has('number'))))
  ) {
    breaks.push(`${at}: type narrowed from ${beforeTypes ? [...beforeTypes].join(' or ') : 'any'} to ${[...afterTypes].join(' or ')}`);
  }
  if (Array.isArray(after.enum)) {
    const allowed = after.enum as unknown[];
    const lost = Array.isArray(before.enum)
      ? (before.enum as unknown[]).filter((value) => !allowed.some((other) => same(other, value)))
      : ['any value'];
    if (lost.length > 0) breaks.push(`${at}: no longer allows ${lost.map((value) => JSON.stringify(value)).join(', ')}`);
  }
  for (const keyword of NARROWING_WHEN_ADDED) {
    if (after[keyword] !== undefined && !same(before[keyword], after[keyword]))
      breaks.push(`${at}: ${keyword} ${before[keyword] === undefined ? 'added' : 'changed'}`);
  }
  for (const keyword of UPPER_BOUNDS) {
    const [was, is] = [before[keyword] as number | undefined, after[keyword] as number | undefined];
    if (is !== undefined && (was === undefined || is < was))
      breaks.push(`${at}: ${keyword} ${was === undefined ? 'added' : `lowered from ${was}`} to ${is}`);
  }
  for (const keyword of LOWER_BOUNDS) {
    const [was, is] = [before[keyword] as number | undefined, after[keyword] as number | undefined];
    if (is !== undefined && (was === undefined || is > was))
      breaks.push(`${at}: ${keyword} ${was === undefined ? 'added' : `raised from ${was}`} to ${is}`);
  }
  if (after.additionalProperties === false && before.additionalProperties !== false)
    breaks.push(`${at}: no longer allows other properties`);

  const beforeProperties = (before.properties ?? {}) as Record<string, JsonSchema>;
  const afterProperties = (after.properties ?? {}) as Record<string, JsonSchema>;
  for (const [name, schema] of Object.entries(beforeProperties)) {
    const next = afterProperties[name];
    if (next === undefined) breaks.push(`${at}: property ${name} was removed (or renamed)`);
    else breaks.push(...schemaBreaks(schema, next, `${at === 'the event' ? '' : `${at}.`}${name}`));
  }
  const required = new Set((before.required ?? []) as string[]);
  for (const name of (after.required ?? []) as string[]) {
    if (!required.has(name)) breaks.push(`${at}: property ${name} became required`);
  }
  if (before.items !== undefined || after.items !== undefined) {
    breaks.push(...schemaBreaks((before.items ?? true) as JsonSchema, (after.items ?? true) as JsonSchema, `${at}[]`));
  }
  return breaks;
}

/** Every event schema file, as `<topic>/<Event>.json`. */
function schemaFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((topic) => readdirSync(path.join(dir, topic.name)).map((file) => `${topic.name}/${file}`));
}

/** The event schemas' breaks since `base` (a git revision): there is no declaring them. */
export function eventSchemaBreaksSince(base: string, dir = eventSchemaDir): EventSchemaBreak[] {
  const root = git(['rev-parse', '--show-toplevel'], dir).trim();
  const relativeDir = path.relative(root, dir);
  let committed: string[];
  try {
    committed = git(['ls-tree', '-r', '--name-only', '--full-tree', base, '--', relativeDir], root)
      .split('\n')
      .filter((file) => file.endsWith('.json') && file.split('/').length === relativeDir.split('/').length + 2)
      .map((file) => path.relative(relativeDir, file));
  } catch {
    return [];
  }
  const present = new Set(schemaFiles(dir));
  const breaks: EventSchemaBreak[] = [];
  for (const schema of committed) {
    if (!present.has(schema)) {
      breaks.push({ schema, change: 'the schema was removed: keep an old major version as it is, next to the new one' });
      continue;
    }
    const before = JSON.parse(git(['show', `${base}:${path.join(relativeDir, schema)}`], root)) as JsonSchema;
    const after = JSON.parse(readFileSync(path.join(dir, schema), 'utf8')) as JsonSchema;
    breaks.push(...schemaBreaks(before, after).map((change) => ({ schema, change })));
  }
  return breaks;
}

function git(args: string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}
