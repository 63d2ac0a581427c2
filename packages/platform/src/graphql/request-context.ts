import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from '../logging';
import type { Caller } from './caller';
import type { RequestLoaders } from './request-loaders';

/** What every resolver receives as its GraphQL context. Services may add to it. */
export interface RequestContext {
  readonly requestId: string;
  readonly logger: Logger;
  readonly loaders: RequestLoaders;
  readonly headers: IncomingHttpHeaders;
  /** Who is asking; undefined for anonymous callers. */
  readonly caller: Caller | undefined;
}
