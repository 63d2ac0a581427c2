import { orgNumberInput, type SizeClass, sizeClassOf } from '@klynge/contracts';
import { type ConnectionPage, type RequestContext, PageArgs } from '@klynge/platform';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
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

  @Query(() => OrganizationType, { nullable: true, description: 'One organisation, by its organisation number; null when not registered.' })
  organization(
    @Arg('orgNumber', { description: 'Nine digits with a valid MOD11 check digit; spaces are ignored.' }) number: string,
    @Ctx() context: RequestContext,
  ): Promise<OrganizationEntity | null> {
    return this.organizationQueries.byOrgNumber(context, orgNumberInput('orgNumber', number));
  }

  @Query(() => OrganizationConnection, { description: 'Organisations by name (then organisation number), filtered, a page at a time.' })
  organizations(
    @Arg('filter', () => OrganizationFilter, { nullable: true, description: 'Which organisations; every one when left out.' })
    filter: OrganizationFilter | undefined,
    @Args() page: PageArgs,
  ): Promise<ConnectionPage<OrganizationEntity>> {
    return this.organizationQueries.list(filter, page.first, page.after);
  }

  @FieldResolver(() => SizeClassEnum, { nullable: true, description: 'Null while the headcount is unknown.' })
  sizeClass(@Root() organization: OrganizationEntity): SizeClass | null {
    return sizeClassOf(organization.employees);
  }

  @Mutation(() => OrganizationType, {
    description:
      "Registers an organisation, so that it can join clusters. Admins, caseworkers of the cluster programme's agencies, and any cluster manager.",
  })
  registerOrganization(
    @Arg('input', () => RegisterOrganizationInput, { description: 'The organisation.' }) input: RegisterOrganizationInput,
    @Ctx() context: RequestContext,
  ): Promise<OrganizationEntity> {
    requireOrganizationRegistrar(context.caller);
    return this.organizationService.register(input);
  }
}
