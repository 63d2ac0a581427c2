import { type ReactNode, useEffect, useId, useState } from 'react';
import type { Failure, Outcome } from '../graphql';
import { runOperation } from '../graphql';
import { type Formats } from '../format';
import { useFormats } from '../i18n/Language';
import type { MessageId } from '../i18n/messages/nb';
import { type Operation, operationName, operationText } from '../operations';

/** The parts of the graph (subgraphs) by name, as a reader knows them; another is named as the graph names it. */
const SUBGRAPHS: Readonly<Record<string, MessageId>> = {
  clusters: 'subgraph.clusters',
  funding: 'subgraph.funding',
  competence: 'subgraph.competence',
  catapult: 'subgraph.catapult',
  research: 'subgraph.research',
};

const partsOf = ({ t }: Formats, subgraphs: readonly string[], listOf: (items: string[]) => string) =>
  listOf(subgraphs.map((name) => (SUBGRAPHS[name] ? t(SUBGRAPHS[name]) : name)));

const reasonOf = ({ t }: Formats, failure: Failure) =>
  failure.reason === 'unreachable'
    ? t('panel.unreachable')
    : failure.reason === 'status'
      ? t('panel.answered', { status: failure.status })
      : t('panel.refused', { message: failure.message });

/** The gateway's GraphiQL, which development serves and production does not: one look per page load. */
let graphiqlServed: Promise<boolean> | undefined;
const graphiqlIsServed = () =>
  (graphiqlServed ??= fetch('/graphiql/start.js', { method: 'HEAD' }).then(
    (response) => response.ok,
    () => false,
  ));

/** Whether this page may link to GraphiQL: false until known. */
function useGraphiql(): boolean {
  const [served, setServed] = useState(false);
  useEffect(() => {
    let current = true;
    void graphiqlIsServed().then((answer) => current && setServed(answer));
    return () => {
      current = false;
    };
  }, []);
  return served;
}

/** GraphiQL opened on a figure's source query with its variables filled, to run in one click. */
export const graphiqlLink = (query: string, variables: Record<string, unknown>): string =>
  `/graphql?${new URLSearchParams({ query, ...(Object.keys(variables).length > 0 ? { variables: JSON.stringify(variables, null, 2) } : {}) }).toString()}`;

/**
 * One figure of a page: it runs its own operation, so that a subgraph that is down greys out only
 * the panels that need it, and says which. Its source query is one click away, and where the
 * gateway serves GraphiQL (development), runnable in one more with its variables filled.
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
  const graphiql = useGraphiql();
  const formats = useFormats();
  const heading = useId();
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
  const listOf = (items: string[]) => new Intl.ListFormat(formats.locale, { type: 'conjunction' }).format(items);
  return (
    <section
      className={`panel panel-${state}`}
      data-operation={operationName(operation)}
      aria-busy={state === 'loading'}
      aria-labelledby={heading}
    >
      <h2 id={heading}>{title}</h2>
      {outcome === undefined && <p className="status">{formats.t('panel.loading')}</p>}
      {outcome?.state === 'unavailable' && (
        <p className="status" role="status">
          {formats.t('panel.unavailable', { parts: partsOf(formats, outcome.subgraphs, listOf) })}
        </p>
      )}
      {outcome?.state === 'failed' && (
        <p className="status" role="alert">
          {formats.t('panel.failed', { reason: reasonOf(formats, outcome.failure) })}
        </p>
      )}
      {outcome?.state === 'ready' && children(outcome.data)}
      <details className="source">
        <summary>{formats.t('panel.sourceQuery')}</summary>
        <pre translate="no">{operationText(operation)}</pre>
        {graphiql && (
          <p>
            <a href={graphiqlLink(operationText(operation), JSON.parse(asked) as Record<string, unknown>)}>
              {formats.t('panel.openInGraphiql')}
            </a>
          </p>
        )}
      </details>
    </section>
  );
}
