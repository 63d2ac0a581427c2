import type { RequestContext } from '@klynge/platform';
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireResearchWriter } from '../auth';
import type { ActivityQueries } from './activity.queries';
import type { CallService } from './activity.service';
import { ActivityType, ApplicationTypeType, type CallRecord, CallType, RecordCallInput } from './activity.types';

@Resolver(() => ActivityType)
export class ActivityResolver {
  constructor(private readonly queries: ActivityQueries) {}

  @Query(() => [ActivityType], { description: "Forskningsrådet's funding activities, in their hierarchy." })
  researchFundingActivities(): Promise<ActivityType[]> {
    return this.queries.activities();
  }

  @Query(() => [ApplicationTypeType], { description: 'The application types described in the sources.' })
  researchApplicationTypes(): Promise<ApplicationTypeType[]> {
    return this.queries.applicationTypes();
  }

  @FieldResolver(() => [CallType], { description: 'Its calls for proposals, the latest opened first.' })
  calls(@Root() activity: ActivityType, @Ctx() context: RequestContext): Promise<CallRecord[]> {
    return this.queries.callsOfActivity(context, activity.code);
  }
}

@Resolver(() => CallType)
export class CallResolver {
  constructor(
    private readonly calls: CallService,
    private readonly queries: ActivityQueries,
  ) {}

  @Query(() => [CallType], { description: 'Calls for proposals, the latest opened first.' })
  researchCalls(): Promise<CallRecord[]> {
    return this.queries.calls();
  }

  @FieldResolver(() => ActivityType, { nullable: true, description: 'The funding activity it belongs to; null when not known.' })
  activity(@Root() call: CallRecord, @Ctx() context: RequestContext): Promise<ActivityType | null> | null {
    return call.activityCode === null ? null : this.queries.activity(context, call.activityCode);
  }

  @Mutation(() => CallType, { description: 'Records a call as announced. Admins and caseworkers of forskningsradet.' })
  async recordResearchCall(
    @Arg('input', () => RecordCallInput, { description: 'The call.' }) input: RecordCallInput,
    @Ctx() context: RequestContext,
  ): Promise<CallRecord> {
    const { id } = await this.calls.record(input, () => requireResearchWriter(context.caller, 'record research calls'));
    return (await this.queries.call(id))!;
  }
}
