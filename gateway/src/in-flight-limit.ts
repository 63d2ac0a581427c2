import type express from 'express';

/**
 * At most `max` requests of one caller in flight at once; one more is answered 429 at once, with
 * `Retry-After`, before anything is parsed. A caller who keeps the gateway busy then waits for
 * their own answers, not everyone else for theirs. The caller is whatever `callerOf` says: the
 * token's subject for token holders, the client's address for everyone else.
 */
export function inFlightPerCaller(options: {
  readonly max: number;
  readonly callerOf: (request: express.Request, response: express.Response) => string;
  readonly onRefused: () => void;
}): express.RequestHandler {
  const inFlight = new Map<string, number>();
  return (request, response, next) => {
    const caller = options.callerOf(request, response);
    const count = inFlight.get(caller) ?? 0;
    if (count >= options.max) {
      options.onRefused();
      response
        .status(429)
        .set('retry-after', '1')
        .json({
          errors: [
            {
              message: `At most ${options.max} requests of one caller may be in flight at once; wait for an answer before sending more`,
              extensions: { code: 'TOO_MANY_REQUESTS_IN_FLIGHT' },
            },
          ],
        });
      return;
    }
    inFlight.set(caller, count + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const left = inFlight.get(caller)! - 1;
      if (left === 0) inFlight.delete(caller);
      else inFlight.set(caller, left);
    };
    // 'close' also comes when the client goes away before its answer is written.
    response.once('finish', release);
    response.once('close', release);
    next();
  };
}
