import { subgraphRegistry } from '@klynge/schemas';
import { defineEventStream } from './event-contract';
import { ownerSourceOf, sourceOfService } from './event-sources';

describe('who may publish an event type', () => {
  it('is the service that owns its domain in the registry, for every registered domain', () => {
    for (const entry of subgraphRegistry()) {
      for (const domain of entry.publishes) {
        const contract = defineEventStream({ domain, aggregate: 'thing', version: 1 }).event('ThingHappened');
        expect(ownerSourceOf(contract)).toBe(sourceOfService(entry.name));
      }
    }
    expect(ownerSourceOf(defineEventStream({ domain: 'funding', aggregate: 'grant', version: 1 }).event('GrantAwarded'))).toBe(
      '/klynge/funding',
    );
  });

  it('is the service of the same name for a domain no subgraph registers (a test sample)', () => {
    expect(ownerSourceOf(defineEventStream({ domain: 'sample', aggregate: 'tally', version: 1 }).event('TallyIncremented'))).toBe(
      '/klynge/sample',
    );
  });
});
