import { createHash } from 'node:crypto';
import { type FSWatcher, readFileSync, watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SupergraphManager } from '@apollo/gateway';
import { Supergraph } from '@apollo/federation-internals';
import type { Logger } from '@klynge/platform/logging';

/** Where the supergraph comes from: the committed file (the default), a file watched, or a URL polled. */
export type SupergraphLocation =
  | { readonly kind: 'static'; readonly sdl: string }
  | { readonly kind: 'file'; readonly file: string }
  | { readonly kind: 'url'; readonly url: string };

/** The supergraph being served, and what became of the last ones offered. */
export interface SupergraphState {
  /** The first 16 hex digits of the SHA-256 of the SDL served. */
  readonly hash: string;
  readonly loadedAt: string;
}

export interface SupergraphEvents {
  applied(hash: string, previous: string | undefined): void;
  refused(hash: string, reason: string): void;
}

export const supergraphHash = (sdl: string) => createHash('sha256').update(sdl).digest('hex').slice(0, 16);

/**
 * Refuses what the gateway must not switch to: SDL that does not parse, is not a valid
 * supergraph (composition's output), or names a subgraph the gateway has no address for.
 */
export function checkSupergraph(sdl: string, knownSubgraphs: ReadonlySet<string>): void {
  const supergraph = Supergraph.build(sdl);
  supergraph.apiSchema();
  const unknown = [...supergraph.subgraphNameToGraphEnumValue().keys()].filter((name) => !knownSubgraphs.has(name));
  if (unknown.length > 0) throw new Error(`it names subgraphs this gateway has no URL for: ${unknown.join(', ')}`);
}

/**
 * The gateway's supergraph manager. It starts with the supergraph at `location` (refusing to
 * start on a bad one); from a file or URL it then looks for a new one every `intervalMs` (and at
 * once when a watched file changes), checks it, and switches to it without a restart. Requests
 * already running finish on the supergraph they started with. A bad one is logged and counted,
 * and the gateway keeps serving the one it has.
 */
export function supergraphManager(options: {
  readonly location: SupergraphLocation;
  readonly intervalMs: number;
  readonly knownSubgraphs: ReadonlySet<string>;
  readonly logger: Logger;
  readonly events: SupergraphEvents;
  readonly onState: (state: SupergraphState) => void;
}): SupergraphManager {
  const { location, logger, events } = options;
  const read = async (): Promise<string> => {
    if (location.kind === 'static') return location.sdl;
    if (location.kind === 'file') return readFile(location.file, 'utf8');
    const response = await fetch(location.url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`${location.url} answered ${response.status}`);
    return response.text();
  };

  return {
    async initialize({ update }) {
      const first = await read();
      checkSupergraph(first, options.knownSubgraphs);
      let current = supergraphHash(first);
      let refusedHash: string | undefined;
      options.onState({ hash: current, loadedAt: new Date().toISOString() });
      events.applied(current, undefined);
      if (location.kind === 'static') return { supergraphSdl: first };

      let checking = false;
      const check = async () => {
        if (checking) return;
        checking = true;
        try {
          const candidate = await read();
          const hash = supergraphHash(candidate);
          // The same one again, or the same bad one again: nothing new to do or to say.
          if (hash === current || hash === refusedHash) return;
          try {
            checkSupergraph(candidate, options.knownSubgraphs);
            update(candidate);
          } catch (error) {
            refusedHash = hash;
            const reason = error instanceof Error ? error.message : String(error);
            logger.error({ supergraph: hash, reason }, 'A new supergraph was refused; the gateway keeps serving the one it has');
            events.refused(hash, reason);
            return;
          }
          logger.info({ supergraph: hash, previous: current }, 'Switched to a new supergraph');
          events.applied(hash, current);
          current = hash;
          refusedHash = undefined;
          options.onState({ hash, loadedAt: new Date().toISOString() });
        } catch (error) {
          logger.warn({ err: error }, 'Could not read the supergraph; trying again');
        } finally {
          checking = false;
        }
      };
      const timer = setInterval(() => void check(), options.intervalMs);
      let watcher: FSWatcher | undefined;
      if (location.kind === 'file') {
        // A new file is often moved into place: watch the folder, not the old file.
        watcher = watch(path.dirname(location.file), (_event, name) => {
          if (name === path.basename(location.file)) void check();
        });
      }
      return {
        supergraphSdl: first,
        cleanup: () => {
          clearInterval(timer);
          watcher?.close();
          return Promise.resolve();
        },
      };
    },
  };
}

/** SUPERGRAPH_SOURCE as a location: unset means the committed file, as it is at start. */
export function supergraphLocation(source: string | undefined, committedFile: string): SupergraphLocation {
  if (source === undefined) return { kind: 'static', sdl: readFileSync(committedFile, 'utf8') };
  if (source.startsWith('file:')) return { kind: 'file', file: path.resolve(source.slice('file:'.length)) };
  return { kind: 'url', url: source };
}
