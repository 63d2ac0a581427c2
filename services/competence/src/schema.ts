import type { SubgraphSchemaOptions, UnitOfWork } from '@klynge/platform';
import type { DataSource } from 'typeorm';
import { EnrolmentQueries } from './enrolments/enrolment.queries';
import { EnrolmentResolver, OrganizationEnrolmentsResolver } from './enrolments/enrolment.resolver';
import { EnrolmentService } from './enrolments/enrolment.service';
import { ProgrammeQueries } from './programmes/programme.queries';
import { ClusterProgrammesResolver, ProgrammeResolver } from './programmes/programme.resolver';
import { ProgrammeService } from './programmes/programme.service';
import { ClusterReference, OrganizationReference } from './programmes/programme.types';
import { ReachQueries, ReachResolver } from './reach/reach';

/** The competence subgraph: its resolvers, built with what they need, and its entity references. */
export function competenceSchema(dataSource: DataSource, unitOfWork: UnitOfWork): SubgraphSchemaOptions {
  const programmes = new ProgrammeQueries(dataSource);
  const enrolments = new EnrolmentQueries(dataSource);
  return {
    resolvers: [
      new ProgrammeResolver(new ProgrammeService(unitOfWork), programmes, enrolments, new ReachQueries(dataSource)),
      new ClusterProgrammesResolver(programmes),
      new EnrolmentResolver(new EnrolmentService(unitOfWork), programmes),
      new OrganizationEnrolmentsResolver(enrolments),
      new ReachResolver(dataSource),
    ],
    // No field returns these directly: the gateway reaches them through _entities.
    orphanedTypes: [ClusterReference, OrganizationReference],
    referenceResolvers: {
      CompetenceProgramme: (reference, context) => programmes.byId(context, String(reference.id)),
      Enrolment: (reference, context) => enrolments.byId(context, String(reference.id)),
      Cluster: (reference) => ({ id: String(reference.id) }),
      Organization: (reference) => ({ orgNumber: String(reference.orgNumber) }),
    },
  };
}
