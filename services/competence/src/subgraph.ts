import {
  CompanyEnrolled,
  EnrolmentCompleted,
  EnrolmentDropped,
  ModuleAdded,
  ModuleCompleted,
  ProgrammeLaunched,
  ProgrammeStatusChanged,
} from '@klynge/contracts';
import { defineSubgraph } from '@klynge/platform';
import {
  clusterDirectory,
  directoryMigrations,
  membershipDirectory,
  organizationDirectory,
  stubReferenceResolvers,
} from '@klynge/read-models';
// Its membership_directory table is made by its own first migration, in the shape the shared read model keeps.
import { fundingProgrammeDirectory } from './directory/funding-programme-directory.consumer';
import { EnrolmentQueries } from './enrolments/enrolment.queries';
import { EnrolmentResolver, OrganizationEnrolmentsResolver } from './enrolments/enrolment.resolver';
import { EnrolmentService } from './enrolments/enrolment.service';
import { CreateCompetence1795700000000 } from './migrations/1795700000000-create-competence';
import { CreateFundingProgrammeDirectory1795800000000 } from './migrations/1795800000000-create-funding-programme-directory';
import { ReportedGrants1795900000000 } from './migrations/1795900000000-reported-grants';
import { ProgrammeUnknowns1795900000001 } from './migrations/1795900000001-programme-unknowns';
import { grantsConsumer } from './programmes/grants.consumer';
import { ProgrammeQueries } from './programmes/programme.queries';
import { ClusterProgrammesResolver, ProgrammeResolver } from './programmes/programme.resolver';
import { ProgrammeService } from './programmes/programme.service';
import { ReachQueries } from './reach/reach.queries';
import { ReachResolver } from './reach/reach.resolver';
import { ClusterReference, OrganizationReference } from './references';
import { competenceSeedReady, seedCompetence } from './seed/seed-competence';
import { generateSyntheticCompetence } from './seed/synthetic-data';

/** The competence subgraph: competence programmes run by clusters, their modules, enrolments and reach. */
export const subgraph = defineSubgraph({
  name: 'competence',
  migrations: [
    ...directoryMigrations,
    CreateCompetence1795700000000,
    CreateFundingProgrammeDirectory1795800000000,
    ReportedGrants1795900000000,
    ProgrammeUnknowns1795900000001,
  ],
  publishes: [
    ProgrammeLaunched,
    ProgrammeStatusChanged,
    ModuleAdded,
    CompanyEnrolled,
    ModuleCompleted,
    EnrolmentCompleted,
    EnrolmentDropped,
  ],
  schema: ({ dataSource, unitOfWork }) => {
    const programmes = new ProgrammeQueries(dataSource);
    const enrolments = new EnrolmentQueries(dataSource);
    return {
      resolvers: [
        new ProgrammeResolver(new ProgrammeService(unitOfWork), programmes, enrolments, new ReachQueries(dataSource)),
        new ClusterProgrammesResolver(programmes),
        new EnrolmentResolver(new EnrolmentService(unitOfWork), programmes),
        new OrganizationEnrolmentsResolver(enrolments),
        new ReachResolver(new ReachQueries(dataSource)),
      ],
      // No field returns these directly: the gateway reaches them through _entities.
      orphanedTypes: [ClusterReference, OrganizationReference],
      referenceResolvers: {
        CompetenceProgramme: (reference, context) => programmes.byId(context, String(reference.id)),
        Enrolment: (reference, context) => enrolments.byId(context, String(reference.id)),
        ...stubReferenceResolvers,
      },
    };
  },
  consumers: ({ unitOfWork }) => [
    clusterDirectory,
    organizationDirectory,
    membershipDirectory,
    fundingProgrammeDirectory,
    grantsConsumer(new ProgrammeService(unitOfWork)),
  ],
  // The demo programmes name their host clusters, so they wait until this service has heard of them.
  seed: { run: seedCompetence, ready: competenceSeedReady },
  synthetic: generateSyntheticCompetence,
});
