import { ApplicationDecided, ApplicationSubmitted, BudgetAllocated, DisbursementPaid, GrantAwarded } from '@klynge/contracts';
import { createService, type Service, type ServiceDefinition, type SubgraphConfig } from '@klynge/platform';
import { fundingConfig } from './config';
import { clusterDirectory, CreateDirectories1795550000000, organizationDirectory } from '@klynge/read-models';
import { CreateFunding1795600000000 } from './migrations/1795600000000-create-funding';
import { fundingSchema } from './schema';

export const fundingMigrations = [CreateDirectories1795550000000, CreateFunding1795600000000];

/** Replaceable parts, for tests (a test caller) and embedded runs (another broker). */
export type FundingServiceOptions = Pick<ServiceDefinition, 'authenticate' | 'broker' | 'logger'>;

export function fundingServiceDefinition(config: SubgraphConfig, options: FundingServiceOptions = {}): ServiceDefinition {
  return {
    name: 'funding',
    config,
    migrations: fundingMigrations,
    publishes: [BudgetAllocated, ApplicationSubmitted, ApplicationDecided, GrantAwarded, DisbursementPaid],
    schema: ({ dataSource, unitOfWork }) => fundingSchema(dataSource, unitOfWork),
    consumers: () => [clusterDirectory, organizationDirectory],
    ...options,
  };
}

/** The funding subgraph service, built but not started. */
export function createFundingService(config: SubgraphConfig = fundingConfig.load(), options: FundingServiceOptions = {}): Service {
  return createService(fundingServiceDefinition(config, options));
}
