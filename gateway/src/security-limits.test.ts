import { fragmentBomb } from './test-support/attacks';
import { medianDurationMs } from './test-support/median-duration';
import { graphUnderAttack } from './test-support/graph-under-attack';

// What a document may cost: its size once expanded, its page sizes, its aliases.
const attacked = graphUnderAttack('sec_limits');

describe('a fragment bomb', () => {
  it.each([30, 60])(
    'of %i fragments is refused within 2 s (not the hours it once would have frozen the graph for), and /health answers meanwhile',
    async (count) => {
      const body = { query: fragmentBomb(count) };
      // Quiet, it takes a few ms. Before the fix the time doubled with each fragment (24 took 52 s,
      // so 30 would take about an hour): any bound in seconds tells the two apart, and 2 s also
      // holds on a CI machine whose two cores are shared with several suites at once.
      const elapsed = await medianDurationMs(
        async () => {
          const [refused, health] = await Promise.all([
            attacked.strictClient.post(body),
            fetch(attacked.strictUrl.replace(/\/graphql$/, '/health')).then((response) => response.status),
          ]);
          // Refused before validation now, as too large once expanded (it was too costly, after validation).
          expect([refused.status, refused.errors?.[0]?.extensions?.code, health]).toEqual([400, 'QUERY_TOO_LARGE', 200]);
        },
        { warmUps: 3 },
      );
      expect(elapsed).toBeLessThan(2_000);
    },
  );
});

describe('the cost of a page size given in a variable', () => {
  it('is its value: a query refused with a literal is refused with the same number in a variable', async () => {
    const { strictClient } = attacked;
    const literal = await strictClient.post({ query: '{ clusters(first: 1000) { edges { node { name town } } } }' });
    const variable = await strictClient.post({
      query: 'query($f: Int) { clusters(first: $f) { edges { node { name town } } } }',
      variables: { f: 1000 },
    });
    expect([literal.status, literal.errors?.[0]?.extensions?.code]).toEqual([400, 'QUERY_TOO_COSTLY']);
    expect([variable.status, variable.errors?.[0]?.extensions?.code]).toEqual([400, 'QUERY_TOO_COSTLY']);
    const small = await strictClient.post({
      query: 'query($f: Int) { clusters(first: $f) { edges { node { name } } } }',
      variables: { f: 2 },
    });
    expect(small.errors).toBeUndefined();
  });
});

describe('__typename', () => {
  it('counts __typename aliases like any other, and costs __typename like any field', async () => {
    const aliases = Array.from({ length: 31 }, (_, index) => `a${index}: __typename`).join(' ');
    const answer = await attacked.strictClient.post({ query: `{ clusterCounts { ${aliases} } }` });
    expect([answer.status, answer.errors?.[0]?.extensions?.code]).toEqual([400, 'TOO_MANY_ALIASES']);
    const costly = await attacked.strictClient.post({ query: '{ clusters(first: 1000) { edges { node { __typename id } } } }' });
    expect([costly.status, costly.errors?.[0]?.extensions?.code]).toEqual([400, 'QUERY_TOO_COSTLY']);
  });
});
