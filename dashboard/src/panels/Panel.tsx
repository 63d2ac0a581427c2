import { type ReactNode, useEffect, useState } from 'react';
import { operationName, type Outcome, runOperation } from '../graphql';

/**
 * One figure of a page: it runs its own operation, so that a subgraph that is down greys out only
 * the panels that need it. Its source query is one click away.
 */
export function Panel<T>({
  title,
  operation,
  children,
}: {
  readonly title: string;
  readonly operation: string;
  readonly children: (data: T) => ReactNode;
}) {
  const [outcome, setOutcome] = useState<Outcome<T> | undefined>();
  useEffect(() => {
    let current = true;
    void runOperation<T>(operation).then((answered) => {
      if (current) setOutcome(answered);
    });
    return () => {
      current = false;
    };
  }, [operation]);
  const state = outcome?.state ?? 'loading';
  return (
    <section className={`panel panel-${state}`} data-operation={operationName(operation)} aria-busy={state === 'loading'}>
      <h2>{title}</h2>
      {outcome === undefined && <p className="status">Loading…</p>}
      {outcome?.state === 'unavailable' && (
        <p className="status" role="status">
          Not available right now: the {outcome.subgraphs.join(', ')} part of the graph does not answer.
        </p>
      )}
      {outcome?.state === 'failed' && (
        <p className="status" role="alert">
          Could not load this figure: {outcome.message}
        </p>
      )}
      {outcome?.state === 'ready' && children(outcome.data)}
      <details className="source">
        <summary>Source query</summary>
        <pre>{operation.trim()}</pre>
      </details>
    </section>
  );
}
