import { Limits } from '@klynge/platform';
import { Field, InputType, ObjectType } from 'type-graphql';

// Where centres and nodes are, and who runs or hosts them: the shapes both aggregates share.

@ObjectType('CatapultPlace', { description: 'A place a centre or node is located, as the sources name it.' })
export class PlaceType {
  @Field({ description: 'The town or place, e.g. Raufoss.' })
  place!: string;

  @Field(() => String, { nullable: true, description: 'Municipality number (4 digits, current), where known.' })
  municipalityCode!: string | null;

  @Field({ description: 'County code from 2024, e.g. 34.' })
  countyCode!: string;

  @Field({ description: 'County name, e.g. Innlandet.' })
  countyName!: string;
}

@ObjectType('CatapultOrganization', {
  description: 'An organisation as a source names it; its organisation number where a source gives it.',
})
export class NamedOrganizationType {
  @Field({ description: 'The name, as the source gives it.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Nine digits; null where no source gives it.' })
  orgNumber!: string | null;
}

@InputType('CatapultPlaceInput', { description: 'A place a centre or node is located.' })
export class PlaceInput {
  @Limits({ maxLength: 100 })
  @Field({ description: 'The town or place, e.g. Raufoss.' })
  place!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Municipality number: four digits starting with countyCode; leave out where not known.',
  })
  municipalityCode?: string | null;

  @Field({ description: 'County code from 2024, e.g. "34".' })
  countyCode!: string;
}

@InputType('CatapultOrganizationInput', { description: 'An organisation as a source names it.' })
export class NamedOrganizationInput {
  @Limits({ maxLength: 200 })
  @Field({ description: 'The name, as the source gives it.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Nine digits, MOD11-checked; leave out where no source gives it.' })
  orgNumber?: string | null;
}
