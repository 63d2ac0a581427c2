import { OrganizationRegistered, orgNumberInput, sizeClassOf } from '@klynge/contracts';
import { BadUserInputError, ConflictError, optionalText, requiredText, translateConstraintErrors, type UnitOfWork } from '@klynge/platform';
import { OrganizationEntity } from './organization.entity';
import type { RegisterOrganizationInput } from './organization.types';

export class OrganizationService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async register(input: RegisterOrganizationInput): Promise<OrganizationEntity> {
    const organization = Object.assign(new OrganizationEntity(), {
      orgNumber: orgNumberInput('orgNumber', input.orgNumber),
      name: requiredText('name', input.name),
      kind: input.kind,
      organizationForm: optionalText('organizationForm', input.organizationForm, 10),
      naceCode: optionalText('naceCode', input.naceCode, 10),
      municipalityCode: optionalText('municipalityCode', input.municipalityCode, 4),
      employees: input.employees ?? null,
    });
    if (organization.naceCode !== null && !/^\d{2}\.\d{1,3}$/.test(organization.naceCode)) {
      throw new BadUserInputError('naceCode', 'naceCode must be a NACE code written dd.ddd');
    }
    if (organization.municipalityCode !== null && !/^\d{4}$/.test(organization.municipalityCode)) {
      throw new BadUserInputError('municipalityCode', 'municipalityCode must be four digits');
    }
    if (organization.employees !== null && (!Number.isInteger(organization.employees) || organization.employees < 0)) {
      throw new BadUserInputError('employees', 'employees must be a whole number, 0 or more');
    }
    const duplicate = () => new ConflictError(`Organisation ${organization.orgNumber} is already registered`, 'orgNumber');
    return translateConstraintErrors({ organizations_pkey: duplicate }, () =>
      this.unitOfWork.run(async ({ manager, publish }) => {
        await manager.getRepository(OrganizationEntity).insert(organization);
        await publish(OrganizationRegistered, {
          subject: organization.orgNumber,
          data: {
            orgNumber: organization.orgNumber,
            name: organization.name,
            kind: organization.kind,
            organizationForm: organization.organizationForm,
            naceCode: organization.naceCode,
            municipalityCode: organization.municipalityCode,
            employees: organization.employees,
            sizeClass: sizeClassOf(organization.employees),
          },
        });
        return organization;
      }),
    );
  }
}
