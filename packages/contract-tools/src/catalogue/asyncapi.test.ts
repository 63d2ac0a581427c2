import { readFileSync } from 'node:fs';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { loadSubgraphs } from '@klynge/subgraph-registry';
import { asyncApiDocument, asyncApiFile, asyncApiYaml } from './asyncapi';

// The parser's diagnostics use Stoplight's severity numbers; 0 is an error.
const ERROR: number = DiagnosticSeverity.Error;

describe('the event catalogue, schemas/asyncapi.yaml', () => {
  it('is what the event contracts say (run `npm run catalogue` after changing them)', () => {
    expect(readFileSync(asyncApiFile, 'utf8')).toBe(asyncApiYaml());
  });

  it('is a valid AsyncAPI 3.0 document for the official parser', async () => {
    const { document, diagnostics } = await new Parser().parse(readFileSync(asyncApiFile, 'utf8'));
    // An error means the parser gives no document.
    expect(
      diagnostics
        .filter((diagnostic) => (diagnostic.severity as number) === ERROR)
        .map((diagnostic) => `${diagnostic.path.join('.')}: ${diagnostic.message}`),
    ).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
    const addresses = document!
      .channels()
      .all()
      .map((channel) => channel.address());
    const topics = [
      ...new Set(loadSubgraphs().flatMap((subgraph) => (subgraph.definition.publishes ?? []).map((contract) => contract.topic))),
    ];
    // Every topic has its channel, and so has its dead-letter topic.
    expect(addresses.sort()).toEqual(topics.flatMap((topic) => [topic, `${topic}.dlq`]).sort());
  });

  it('has a message for every event a subgraph publishes, with its schema, owner and readers', () => {
    const document = asyncApiDocument() as {
      components: { messages: Record<string, { name: string }> };
      channels: Record<string, { description: string }>;
    };
    const types = loadSubgraphs().flatMap((subgraph) => (subgraph.definition.publishes ?? []).map((contract) => contract.type));
    expect(
      Object.values(document.components.messages)
        .map((message) => message.name)
        .sort(),
    ).toEqual(types.sort());
    expect(document.channels.fundingGrantV1!.description).toContain('Published by the funding service (owned by innovasjon-norge)');
    expect(document.channels.fundingGrantV1!.description).toContain(
      "Only its principal, funding-service, may write here (the broker refuses every other, innovasjon-norge's own too), so every event on it has source /klynge/funding and is one of the types listed. Klynge's consumers park anything else on funding.grant.v1.dlq.",
    );
    expect(document.channels.fundingGrantV1!.description).toContain('clusters (programme-grants)');
    expect(document.channels.fundingGrantV1Dlq!.description).toContain(
      'Readable by innovasjon-norge, the agency that owns the funding service, and no other',
    );
  });
});
