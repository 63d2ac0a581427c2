import { type ReactNode, useEffect, useState } from 'react';
import { type Outcome, runOperation } from '../graphql';
import { type Operation, operationName, operationText } from '../operations';

/**
 * One figure of a page: it runs its own operation, so that a subgraph that is down greys out only
 * the panels that need it. Its source query is one click away.
 */
export function Panel<Result, Variables>({
  title,
  operation,
  variables,
  children,
}: {
  readonly title: string;
  readonly operation: Operation<Result, Variables>;
  readonly children: (data: Result) => ReactNode;
} & (Variables extends Record<string, never> ? { readonly variables?: undefined } : { readonly variables: Variables })) {
  const [outcome, setOutcome] = useState<Outcome<Result> | undefined>();
  // Asked again only when what is asked changes (a new object with the same values is the same question).
  const asked = JSON.stringify(variables ?? {});
  useEffect(() => {
    let current = true;
    setOutcome(undefined);
    void runOperation(operation, JSON.parse(asked) as Variables).then((answered) => {
      if (current) setOutcome(answered);
    });
    return () => {
      current = false;
    };
  }, [operation, asked]);
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
        <pre>{operationText(operation)}</pre>
      </details>
    </section>
  );
}
