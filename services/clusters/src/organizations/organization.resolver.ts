import { orgNumberInput, type SizeClass, sizeClassOf } from '@klynge/contracts';
import { type ConnectionPage, type RequestContext } from '@klynge/platform';
import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireOrganizationRegistrar } from '../auth';
import type { OrganizationEntity } from './organization.entity';
import type { OrganizationQueries } from './organization.queries';
import type { OrganizationService } from './organization.service';
import {
  OrganizationConnection,
  OrganizationFilter,
  OrganizationType,
  RegisterOrganizationInput,
  SizeClassEnum,
} from './organization.types';

@Resolver(() => OrganizationType)
export class OrganizationResolver {
  constructor(
    private readonly organizationService: OrganizationService,
    private readonly organizationQueries: OrganizationQueries,
  ) {}

  @Query(() => OrganizationType, { nullable: true })
  organization(@Arg('orgNumber') number: string, @Ctx() context: RequestContext): Promise<OrganizationEntity | null> {
    return this.organizationQueries.byOrgNumber(context, orgNumberInput('orgNumber', number));
  }

  @Query(() => OrganizationConnection, { description: 'Organisations by name, filtered, a page at a time.' })
  organizations(
    @Arg('filter', () => OrganizationFilter, { nullable: true }) filter: OrganizationFilter | undefined,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | undefined,
  ): Promise<ConnectionPage<OrganizationEntity>> {
    return this.organizationQueries.list(filter, first, after);
  }

  @FieldResolver(() => SizeClassEnum, { nullable: true, description: 'Null while the headcount is unknown.' })
  sizeClass(@Root() organization: OrganizationEntity): SizeClass | null {
    return sizeClassOf(organization.employees);
  }

  @Mutation(() => OrganizationType, { description: 'Admins, caseworkers and cluster managers.' })
  registerOrganization(
    @Arg('input', () => RegisterOrganizationInput) input: RegisterOrganizationInput,
    @Ctx() context: RequestContext,
  ): Promise<OrganizationEntity> {
    requireOrganizationRegistrar(context.caller);
    return this.organizationService.register(input);
  }
}
