import { NotFoundError, type RequestContext, requireCaller } from '@klynge/platform';
import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireAdmin, requireAgencyStaff } from '../auth';
import type { ProgrammeQueries, ProgrammeRow } from './programme.queries';
import type { ProgrammeService } from './programme.service';
import {
  AgencyType,
  AllocateBudgetInput,
  BudgetType,
  CallType,
  CreateProgrammeInput,
  FundingProgrammeType,
  OpenCallInput,
  RegisterAgencyInput,
} from './programme.types';

@Resolver(() => FundingProgrammeType)
export class ProgrammeResolver {
  constructor(
    private readonly programmeService: ProgrammeService,
    private readonly programmeQueries: ProgrammeQueries,
  ) {}

  @Query(() => [AgencyType], { description: 'Every funding agency, by name.' })
  agencies(): Promise<AgencyType[]> {
    return this.programmeQueries.agencies();
  }

  @Query(() => [FundingProgrammeType], { description: 'Funding programmes by name: every one, or those of one agency.' })
  fundingProgrammes(
    @Arg('agencyCode', () => String, { nullable: true, description: "Only this agency's programmes; every programme when left out." })
    agencyCode?: string,
  ): Promise<ProgrammeRow[]> {
    return this.programmeQueries.programmes(agencyCode);
  }

  @Query(() => FundingProgrammeType, { nullable: true, description: 'One funding programme, by code; null when there is none.' })
  fundingProgramme(
    @Arg('code', { description: "The programme's code, e.g. NIC." }) code: string,
    @Ctx() context: RequestContext,
  ): Promise<ProgrammeRow | null> {
    return this.programmeQueries.programme(context, code);
  }

  @Query(() => [BudgetType], { description: 'Budgets by programme and year, with what is granted and what remains.' })
  budgets(
    @Arg('programmeCode', () => String, { nullable: true, description: "Only this programme's budgets." }) programmeCode?: string,
    @Arg('year', () => Int, { nullable: true, description: "Only this year's budgets." }) year?: number,
  ): Promise<BudgetType[]> {
    return this.programmeQueries.budgets({ ...(programmeCode ? { programmeCode } : {}), ...(year ? { year } : {}) });
  }

  @Query(() => [CallType], {
    description: 'Calls open now: opened (Norwegian date), and the deadline not passed; the nearest deadline first.',
  })
  openCalls(): Promise<CallType[]> {
    return this.programmeQueries.openCalls();
  }

  @FieldResolver(() => AgencyType, { description: 'The agency that funds the programme.' })
  async agency(@Root() programme: ProgrammeRow, @Ctx() context: RequestContext): Promise<AgencyType> {
    return (await this.programmeQueries.agency(context, programme.agencyCode))!;
  }

  @FieldResolver(() => [BudgetType], { name: 'budgets', description: "The programme's budgets, by year." })
  budgetsOfProgramme(@Root() programme: ProgrammeRow): Promise<BudgetType[]> {
    return this.programmeQueries.budgets({ programmeCode: programme.code });
  }

  @FieldResolver(() => [CallType], { description: "The programme's calls, the latest opened first." })
  calls(@Root() programme: ProgrammeRow, @Ctx() context: RequestContext): Promise<CallType[]> {
    return this.programmeQueries.callsOf(context, programme.code);
  }

  @Mutation(() => AgencyType, { description: 'Registers a funding agency. Admins.' })
  async registerAgency(
    @Arg('input', () => RegisterAgencyInput, { description: 'The agency.' }) input: RegisterAgencyInput,
    @Ctx() context: RequestContext,
  ) {
    requireAdmin(context.caller, 'register agencies');
    await this.programmeService.registerAgency(input);
    return (await this.programmeQueries.agency(context, input.code))!;
  }

  @Mutation(() => FundingProgrammeType, { description: "Creates a funding programme. Admins, and caseworkers of the programme's agency." })
  async createProgramme(
    @Arg('input', () => CreateProgrammeInput, { description: 'The programme.' }) input: CreateProgrammeInput,
    @Ctx() context: RequestContext,
  ) {
    requireAgencyStaff(context.caller, input.agencyCode, 'create its programmes');
    await this.programmeService.createProgramme(input);
    return (await this.programmeQueries.programme(context, input.code))!;
  }

  @Mutation(() => BudgetType, { description: "Sets a programme's budget for a year. Admins, and caseworkers of its agency." })
  async allocateBudget(
    @Arg('input', () => AllocateBudgetInput, { description: 'The programme, the year and the amount.' }) input: AllocateBudgetInput,
    @Ctx() context: RequestContext,
  ) {
    requireCaller(context.caller);
    const programme = await this.programmeQueries.programme(context, input.programmeCode);
    if (!programme) throw new NotFoundError('FundingProgramme', input.programmeCode, 'programmeCode');
    requireAgencyStaff(context.caller, programme.agencyCode, "set its programmes' budgets");
    await this.programmeService.allocateBudget(input);
    const [budget] = await this.programmeQueries.budgets({ programmeCode: input.programmeCode, year: input.year });
    return budget!;
  }

  @Mutation(() => CallType, {
    description: "Opens a call for applications in a programme. Admins, and caseworkers of the programme's agency.",
  })
  async openCall(
    @Arg('input', () => OpenCallInput, { description: 'The call.' }) input: OpenCallInput,
    @Ctx() context: RequestContext,
  ): Promise<CallType> {
    requireCaller(context.caller);
    const programme = await this.programmeQueries.programme(context, input.programmeCode);
    if (!programme) throw new NotFoundError('FundingProgramme', input.programmeCode, 'programmeCode');
    requireAgencyStaff(context.caller, programme.agencyCode, 'open calls in its programmes');
    return this.programmeService.openCall(input);
  }
}

@Resolver(() => CallType)
export class CallResolver {
  constructor(private readonly programmeQueries: ProgrammeQueries) {}

  @FieldResolver(() => FundingProgrammeType, { description: 'The programme the call is in.' })
  async programme(@Root() call: CallType, @Ctx() context: RequestContext): Promise<ProgrammeRow> {
    return (await this.programmeQueries.programme(context, call.programmeCode))!;
  }
}
