import { type DatePrecision, DatePrecisionEnum, Limits, MoneyType } from '@klynge/platform';
import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { NamedOrganizationInput, NamedOrganizationType, PlaceInput, PlaceType } from './place-organization.types';

@Directive('@key(fields: "id")')
@ObjectType('CatapultNode', {
  description: 'A regional catapult node (from 2022): a cluster or organisation that brings the centres to companies of its region.',
})
export class NodeType {
  @Field(() => ID, { description: "The node's id, a UUID." })
  id!: string;

  @Field({ description: 'Its name, e.g. Powered by Telemark.' })
  name!: string;

  @Field(() => NamedOrganizationType, { description: 'The cluster or organisation that hosts it, as the sources name it.' })
  host!: NamedOrganizationType;

  @Field(() => [PlaceType], { description: 'Where it is located; at least one place.' })
  locations!: PlaceType[];

  @Field({ description: 'YYYY-MM-DD: the first day of its month or year when selectedOnPrecision says so.' })
  selectedOn!: string;

  @Field(() => DatePrecisionEnum, { description: 'How exact selectedOn is.' })
  selectedOnPrecision!: DatePrecision;

  @Field(() => MoneyType, {
    nullable: true,
    description:
      'Granted to this node: exact whole NOK, a decimal string (never a float); null where the sources give only the nodes’ total.',
  })
  amountGranted!: MoneyType | null;
}

export interface NodeRecord extends NodeType {
  readonly hostClusterId: string | null;
  readonly centreIds: string[];
}

@InputType('SelectCatapultNodeInput', { description: 'A regional node Siva has selected, as the sources report it.' })
export class SelectNodeInput {
  @Limits({ maxLength: 200 })
  @Field({ description: 'Its name; CONFLICT when a node has it already, in any case.' })
  name!: string;

  @Field(() => NamedOrganizationInput, { description: 'The cluster or organisation that hosts it, as the sources name it.' })
  host!: NamedOrganizationInput;

  @Field(() => ID, { nullable: true, description: 'The host, where it is a cluster.' })
  hostClusterId?: string | null;

  @Limits({ maxItems: 10 })
  @Field(() => [PlaceInput], { description: 'Where it is located: at least one place.' })
  locations!: PlaceInput[];

  @Limits({ maxItems: 20 })
  @Field(() => [ID], { nullable: true, description: 'The centres it works with, where known.' })
  centreIds?: string[] | null;

  @Field({
    description:
      'YYYY-MM-DD, from 2017-01-01 (when Norsk katapult began) to today: the first day of its month or year when only that is known.',
  })
  selectedOn!: string;

  @Field(() => DatePrecisionEnum, { defaultValue: 'DAY', description: 'How exact selectedOn is.' })
  selectedOnPrecision!: DatePrecision;

  @Field(() => String, {
    nullable: true,
    description: 'Whole NOK, in digits (a string, never a float), e.g. "5000000"; leave out where not known.',
  })
  amountGranted?: string | null;
}

@InputType('CatapultNodeFilter', { description: 'Which nodes to list: each field given narrows the list.' })
export class NodeFilter {
  @Field(() => String, { nullable: true, description: 'Located in this county (2024 code).' })
  countyCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Working with this centre.' })
  centreId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Selected in this year.' })
  selectedIn?: number | null;
}
