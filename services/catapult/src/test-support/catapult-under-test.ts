import { type ServiceUnderTest, startServiceUnderTest, testCallers } from '@klynge/subgraph-under-test';
import { subgraph } from '../subgraph';

/** The catapult subgraph in this process, on a database and topics of the test file's own. */
export function startCatapult(label: string): Promise<ServiceUnderTest> {
  return startServiceUnderTest({ label, subgraph });
}

export const siva = testCallers.caseworker('siva');

export const DESIGNATE = `mutation($input: DesignateCatapultCentreInput!) { designateCatapultCentre(input: $input) { id name } }`;
export const START = `mutation($input: StartCatapultProjectInput!) {
  startCatapultProject(input: $input) { id orgNumber title startedOn endedOn status services sme centre { id name } } }`;

/** A centre as Siva would designate it in a test: a theme and a place, and anything the test gives. */
export async function designateCentre(catapult: ServiceUnderTest, input: Record<string, unknown>): Promise<string> {
  const answer = await catapult.query<{ designateCatapultCentre: { id: string } }>(
    DESIGNATE,
    {
      input: {
        theme: 'MANUFACTURING_TECHNOLOGY',
        designatedOn: '2017-10-01',
        designatedOnPrecision: 'MONTH',
        locations: [{ place: 'Raufoss', countyCode: '34' }],
        ...input,
      },
    },
    siva,
  );
  if (answer.errors) throw new Error(`designating ${String(input.name)}: ${JSON.stringify(answer.errors)}`);
  return answer.data!.designateCatapultCentre.id;
}

/** The error's code and field of an answer, for asserting refusals. */
export async function refusal(
  answer: Promise<{ errors?: { extensions?: Record<string, unknown> }[] }>,
): Promise<Record<string, unknown> | undefined> {
  const errors = (await answer).errors;
  return errors?.[0]?.extensions === undefined ? undefined : { code: errors[0].extensions.code, field: errors[0].extensions.field };
}
