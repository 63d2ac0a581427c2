import { readProsjektbankenCsv } from './prosjektbanken-csv';

const HEADER =
  'prosjektnummer,prosjekttittel,soknadstype,prosjektfase,prosjektstart,prosjektslutt,prosjektansvarlig_navn,organisasjonsnummer,kommunenummer,fylkenummer,aktivitet_kode,aktivitet,hovedaktivitet,virkemiddel,fagomraade,fag,fagdisiplin,prosjektleder,tildelt_belop,tildelt_2021,tildelt_2022,partnere,tema';
const GOOD = [
  '300001,Lettere legeringer (generated),Innovasjonsprosjekt i næringslivet,Bevilgning,2021,2022,Test AS (generated),123456785,3405,34,IPN-TEST,Test activity (generated),Test main (generated),Programmer,Teknologi,Materialteknologi,,Kari Nordmann (generated),1500000.0,1000000,500000,987654325:Forskningspartner;111111111,Industri',
  '"300002/I30","Regional mobilisering, Agder (generated)",FORREGION,Avsluttet,2020,2021,,987654325,,,,,,,,,,,"2 000 000,00",,,,',
];
const file = (...rows: string[]) => [HEADER, ...rows].join('\n');

describe("reading Prosjektbanken's export layout", () => {
  it('reads every project with its allocations per year, partners and place, or the total where years are not given', () => {
    const { projects, errors } = readProsjektbankenCsv(file(...GOOD), 2026);
    expect(errors).toEqual([]);
    expect(projects).toEqual([
      {
        line: 2,
        projectNumber: '300001',
        title: 'Lettere legeringer (generated)',
        applicationType: 'Innovasjonsprosjekt i næringslivet',
        activity: { code: 'IPN-TEST', name: 'Test activity (generated)', mainActivity: 'Test main (generated)', instrument: 'Programmer' },
        ownerOrgNumber: '123456785',
        ownerName: 'Test AS (generated)',
        countyCode: '34',
        municipalityCode: '3405',
        thematicAreas: ['Industri'],
        subjectFields: ['Teknologi', 'Materialteknologi'],
        startYear: 2021,
        endYear: 2022,
        projectManager: 'Kari Nordmann (generated)',
        phase: 'RUNNING',
        partners: [
          { orgNumber: '987654325', role: 'Forskningspartner' },
          { orgNumber: '111111111', role: 'PARTNER' },
        ],
        allocations: [
          { year: 2021, amount: 1_000_000n },
          { year: 2022, amount: 500_000n },
        ],
        total: 1_500_000n,
      },
      expect.objectContaining({
        line: 3,
        projectNumber: '300002/I30',
        title: 'Regional mobilisering, Agder (generated)',
        activity: null,
        countyCode: null,
        phase: 'COMPLETED',
        partners: [],
        allocations: [{ year: null, amount: 2_000_000n }],
        total: 2_000_000n,
      }),
    ]);
  });

  it('takes semicolons and a byte-order mark, and calls a granted project GRANTED until its start year', () => {
    const text = `\uFEFF${['prosjektnummer;prosjekttittel;soknadstype;prosjektfase;prosjektstart;prosjektslutt;organisasjonsnummer;tildelt_belop', '300003;Framtid (generated);KSP;Bevilgning;2027;2029;123456785;900000'].join('\r\n')}\r\n`;
    const { projects, errors } = readProsjektbankenCsv(text, 2026);
    expect(errors).toEqual([]);
    expect(projects.map((project) => [project.projectNumber, project.phase, project.total])).toEqual([['300003', 'GRANTED', 900_000n]]);
  });

  it('reports every problem by line and column, and then reads no project at all', () => {
    const bad = [
      '30000,Bad number (generated),IPN,Bevilgning,2021,2022,,123456785,,,,,,,,,,,100,,,,',
      '300005,,IPN,Avslag,2021,2020,,123456789,0301,46,,,,,,,,,100.50,,,,',
      '300006,Wrong sum (generated),IPN,Bevilgning,2021,2022,,123456785,,,,,,,,,,,1000,600,300,123456785:Partner,',
      '300001,Twice (generated),IPN,Bevilgning,2021,2022,,123456785,,,,,,,,,,,100,,,,',
    ];
    const { projects, errors } = readProsjektbankenCsv(file(GOOD[0]!, ...bad), 2026);
    expect(projects).toEqual([]);
    expect(errors).toEqual([
      { line: 3, column: 'prosjektnummer', message: expect.stringContaining('six digits') },
      { line: 4, column: 'prosjekttittel', message: 'prosjekttittel is empty' },
      { line: 4, column: 'prosjektfase', message: expect.stringContaining('Bevilgning or Avsluttet') },
      { line: 4, column: 'prosjektslutt', message: 'prosjektslutt is before prosjektstart' },
      { line: 4, column: 'organisasjonsnummer', message: expect.stringContaining('MOD11') },
      { line: 4, column: 'kommunenummer', message: expect.stringContaining('four digits starting with the code of its county') },
      { line: 4, column: 'tildelt_belop', message: expect.stringContaining('whole amount of kroner') },
      { line: 5, column: 'tildelt_belop', message: 'tildelt_belop (1000) is not the sum of the amounts per year (900)' },
      { line: 5, column: 'partnere', message: '123456785 is the project owner, not a partner' },
      { line: 6, column: 'prosjektnummer', message: 'Project 300001 is on line 2 too' },
    ]);
  });

  it('names the columns a file lacks, and refuses what is not CSV', () => {
    expect(readProsjektbankenCsv('prosjektnummer,prosjekttittel\n300001,x', 2026).errors.map((error) => error.column)).toEqual([
      'soknadstype',
      'prosjektfase',
      'prosjektstart',
      'prosjektslutt',
      'organisasjonsnummer',
      'tildelt_belop',
    ]);
    expect(readProsjektbankenCsv(file('300001,"unclosed,IPN'), 2026).errors).toEqual([
      { line: expect.any(Number), column: '', message: expect.stringContaining('not CSV') },
    ]);
    expect(readProsjektbankenCsv(HEADER, 2026).errors).toEqual([{ line: 1, column: '', message: 'The file holds no project' }]);
  });
});
