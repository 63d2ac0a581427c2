import { parse } from 'graphql';
import { gatewayConfig } from '../config';
import { HOSTILE_DOCUMENTS } from './attacks';

describe("issue 26's hostile documents", () => {
  const maxTokens = gatewayConfig.variables.MAX_QUERY_TOKENS.default;

  it('are measured against the limit the issue names', () => {
    expect(maxTokens).toBe(5_000);
  });

  // Over the limit, the parser refuses a document before anything else looks at it: such a
  // document would test the token limit, not what comes after it.
  it.each(HOSTILE_DOCUMENTS.map(({ name, query }) => [name, query]))("%s is within the gateway's default token limit", (_name, query) => {
    expect(() => parse(query, { maxTokens })).not.toThrow();
  });
});
