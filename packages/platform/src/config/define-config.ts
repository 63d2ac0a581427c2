/**
 * Configuration comes from environment variables only, and is checked once, at start-up: a
 * process with a missing or malformed variable stops before it opens a port, with a message that
 * names the variable. The declarations double as documentation and are read by the check that
 * docker-compose.yml wires every service the way its configuration expects.
 */

export interface VariableSpec<T> {
  readonly description: string;
  /** Used when the variable is unset or empty. */
  readonly default?: T;
  /** Unset is allowed, and reads as `undefined`. */
  readonly optional?: boolean;
  /** The value may hold a password (a URL with credentials): a problem with it never repeats it. */
  readonly secret?: boolean;
  /** Turns the raw text into a value, or throws an Error whose message says what was expected. */
  parse(raw: string): T;
}

export type ConfigValues<D extends Record<string, VariableSpec<unknown>>> = {
  readonly [K in keyof D]: D[K] extends VariableSpec<infer T> ? T : never;
};

export interface ConfigProblem {
  readonly variable: string;
  readonly message: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly problems: readonly ConfigProblem[]) {
    super(`Invalid configuration:\n${problems.map(({ variable, message }) => `  ${variable}: ${message}`).join('\n')}`);
  }
}

export interface ConfigDefinition<D extends Record<string, VariableSpec<unknown>>> {
  readonly variables: D;
  /** Rules across variables (e.g. what production needs), run once each variable is valid. */
  readonly checks: readonly ConfigCheck<ConfigValues<D>>[];
  /** Reads and checks every variable; throws one {@link ConfigError} listing every problem. */
  load(source?: Readonly<Record<string, string | undefined>>): ConfigValues<D>;
}

/** Looks at the loaded values together; answers the problems it finds (none: an empty list). */
export type ConfigCheck<V> = (values: V) => readonly ConfigProblem[];

export function defineConfig<D extends Record<string, VariableSpec<unknown>>>(
  variables: D,
  checks: readonly ConfigCheck<ConfigValues<D>>[] = [],
): ConfigDefinition<D> {
  return {
    variables,
    checks,
    load(source = process.env) {
      const values: Record<string, unknown> = {};
      const problems: ConfigProblem[] = [];
      for (const [name, spec] of Object.entries(variables)) {
        const raw = source[name]?.trim();
        if (raw === undefined || raw === '') {
          if (spec.default !== undefined) values[name] = spec.default;
          else if (spec.optional) values[name] = undefined;
          else problems.push({ variable: name, message: `is required (${spec.description})` });
          continue;
        }
        try {
          values[name] = spec.parse(raw);
        } catch (error) {
          const expected = error instanceof Error ? error.message : String(error);
          problems.push({ variable: name, message: spec.secret ? expected : `${expected}, got ${JSON.stringify(withoutPassword(raw))}` });
        }
      }
      if (problems.length === 0) {
        for (const check of checks) problems.push(...check(values as ConfigValues<D>));
      }
      if (problems.length > 0) throw new ConfigError(problems);
      return values as ConfigValues<D>;
    },
  };
}

interface Common<T> {
  readonly description: string;
  readonly default?: T;
  readonly secret?: boolean;
}
type Spec<T, O> = O extends { optional: true } ? VariableSpec<T | undefined> : VariableSpec<T>;

function variable<T, O extends Common<T> & { optional?: boolean }>(options: O, parse: (raw: string) => T): Spec<T, O> {
  return { ...options, parse };
}

/** Builders for the kinds of variables Klynge reads. */
export const env = {
  string<O extends Common<string> & { optional?: boolean; pattern?: RegExp }>(options: O) {
    return variable(options, (raw) => {
      if (options.pattern && !options.pattern.test(raw)) throw new Error(`must match ${String(options.pattern)}`);
      return raw;
    });
  },

  integer<O extends Common<number> & { optional?: boolean; min?: number; max?: number }>(options: O) {
    const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = options;
    return variable(options, (raw) => {
      const value = Number(raw);
      if (!/^-?\d+$/.test(raw) || value < min || value > max) {
        throw new Error(`must be a whole number from ${min} to ${max}`);
      }
      return value;
    });
  },

  port<O extends Common<number> & { optional?: boolean }>(options: O) {
    return env.integer({ ...options, min: 1, max: 65_535 });
  },

  url<O extends Common<string> & { optional?: boolean; protocols: readonly string[] }>(options: O) {
    return variable(options, (raw) => {
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        throw new Error(`must be a URL (${options.protocols.join(' or ')})`);
      }
      if (!options.protocols.includes(url.protocol)) {
        throw new Error(`must be a URL starting with ${new Intl.ListFormat('en-GB', { type: 'disjunction' }).format(options.protocols)}`);
      }
      return raw;
    });
  },

  /** A comma-separated list of `host:port` addresses. */
  hostPorts<O extends Common<readonly string[]> & { optional?: boolean }>(options: O) {
    return variable(options, (raw): readonly string[] => {
      const items = raw.split(',').map((item) => item.trim());
      if (items.some((item) => !/^[A-Za-z0-9.-]+:\d{1,5}$/.test(item))) {
        throw new Error('must be a comma-separated list of host:port');
      }
      return items;
    });
  },

  /** A comma-separated list, each item matching `item`. */
  list<O extends Common<readonly string[]> & { optional?: boolean; item: RegExp }>(options: O) {
    return variable(options, (raw): readonly string[] => {
      const items = raw
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
      if (items.some((item) => !options.item.test(item)))
        throw new Error(`must be a comma-separated list of items matching ${String(options.item)}`);
      return items;
    });
  },

  boolean<O extends Common<boolean> & { optional?: boolean }>(options: O) {
    return variable(options, (raw) => {
      if (raw === 'true' || raw === '1') return true;
      if (raw === 'false' || raw === '0') return false;
      throw new Error('must be true or false');
    });
  },

  oneOf<const V extends string, O extends Common<V> & { optional?: boolean }>(values: readonly V[], options: O) {
    return variable(options, (raw): V => {
      if (!(values as readonly string[]).includes(raw)) throw new Error(`must be one of ${values.join(', ')}`);
      return raw as V;
    });
  },
};

/**
 * A value as a configuration error may repeat it: any password written in it the way URLs carry
 * one (`scheme://user:password@host`) replaced by `***`. DATABASE_URL, KAFKA_BROKERS and the like
 * are echoed to help whoever set them, and such errors go to logs that more people read than may
 * know the password. URL parsing is not relied on, since the value may be refused for not
 * parsing; the password runs to the last `@` before the path (a URL's password has no bare `/`).
 */
function withoutPassword(raw: string): string {
  return raw.replace(/(\/\/[^/@:\s]*:)[^/\s]*@/g, '$1***@');
}
