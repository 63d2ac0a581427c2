import { CompanyEnrolled, EnrolmentCompleted, ProgrammeLaunched, ProgrammeStatusChanged } from '@klynge/contracts';
import { createService, type Service, type ServiceDefinition, type SubgraphConfig } from '@klynge/platform';
import { competenceConfig } from './config';
import { clusterDirectory, CreateDirectories1795550000000, organizationDirectory } from '@klynge/read-models';
import { fundingProgrammeDirectory, grantsConsumer, membershipDirectory } from './directory/directory.consumers';
import { CreateCompetence1795700000000 } from './migrations/1795700000000-create-competence';
import { CreateFundingProgrammeDirectory1795800000000 } from './migrations/1795800000000-create-funding-programme-directory';
import { ProgrammeService } from './programmes/programme.service';
import { competenceSchema } from './schema';

export const competenceMigrations = [CreateDirectories1795550000000, CreateCompetence1795700000000, CreateFundingProgrammeDirectory1795800000000];

/** Replaceable parts, for tests (a test caller) and embedded runs (another broker). */
export type CompetenceServiceOptions = Pick<ServiceDefinition, 'authenticate' | 'broker' | 'logger'>;

export function competenceServiceDefinition(config: SubgraphConfig, options: CompetenceServiceOptions = {}): ServiceDefinition {
  return {
    name: 'competence',
    config,
    migrations: competenceMigrations,
    publishes: [ProgrammeLaunched, ProgrammeStatusChanged, CompanyEnrolled, EnrolmentCompleted],
    schema: ({ dataSource, unitOfWork }) => competenceSchema(dataSource, unitOfWork),
    consumers: ({ unitOfWork }) => [
      clusterDirectory,
      organizationDirectory,
      membershipDirectory,
      fundingProgrammeDirectory,
      grantsConsumer(new ProgrammeService(unitOfWork)),
    ],
    ...options,
  };
}

/** The competence subgraph service, built but not started. */
export function createCompetenceService(config: SubgraphConfig = competenceConfig.load(), options: CompetenceServiceOptions = {}): Service {
  return createService(competenceServiceDefinition(config, options));
}
