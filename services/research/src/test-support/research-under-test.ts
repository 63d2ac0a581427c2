import { type ServiceUnderTest, startServiceUnderTest, testCallers } from '@klynge/subgraph-under-test';
import { subgraph } from '../subgraph';

/** The research subgraph in this process, on a database and topics of the test file's own. */
export function startResearch(label: string): Promise<ServiceUnderTest> {
  return startServiceUnderTest({ label, subgraph });
}

export const forskningsradet = testCallers.caseworker('forskningsradet');

export const IMPORT = `mutation($csv: String!) { importResearchProjects(input: { csv: $csv }) { granted updated completed unchanged } }`;

/** The columns of Prosjektbanken's export a test file uses, with two years of allocations. */
export const HEADER =
  'prosjektnummer,prosjekttittel,soknadstype,prosjektfase,prosjektstart,prosjektslutt,organisasjonsnummer,kommunenummer,aktivitet_kode,aktivitet,prosjektleder,tildelt_belop,tildelt_2021,tildelt_2022,partnere';

/** A synthetic project row (every title says "(generated)"). */
export function projectRow(project: {
  number: string;
  owner: string;
  type?: string;
  phase?: string;
  municipality?: string;
  activity?: [string, string];
  manager?: string;
  years?: [number, number];
  partners?: string;
}): string {
  const [y2021, y2022] = project.years ?? [1_000_000, 500_000];
  return [
    project.number,
    `Project ${project.number} (generated)`,
    project.type ?? 'Innovasjonsprosjekt i næringslivet',
    project.phase ?? 'Bevilgning',
    '2021',
    '2022',
    project.owner,
    project.municipality ?? '',
    project.activity?.[0] ?? '',
    project.activity?.[1] ?? '',
    project.manager ?? '',
    String(y2021 + y2022),
    String(y2021),
    String(y2022),
    project.partners ?? '',
  ].join(',');
}

export const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');
