import { COUNTIES, isMunicipalityInCounty, isValidOrgNumber } from '@klynge/contracts';
import { parse } from 'csv-parse/sync';
import type { ResearchPhase } from '../../research.events';

/**
 * Prosjektbanken's export layout, as Forskningsrådet publishes its project data (the open
 * dataset "Søknader", one row per project, columns named by their short names: prosjektnummer,
 * prosjekttittel, soknadstype, prosjektfase, prosjektstart, prosjektslutt, organisasjonsnummer,
 * ...), comma- or semicolon-separated, UTF-8 with or without a byte-order mark. Columns it does
 * not use are ignored. Three optional columns of ours carry what the open dataset leaves out:
 * `tildelt_<year>` (the amount allocated that year; together they must add up to tildelt_belop),
 * `partnere` ("<organisation number>:<role>;...", partners being confidential in the open data)
 * and `tema` (thematic areas, ";"-separated). See services/research/README.md.
 */
export const REQUIRED_COLUMNS = [
  'prosjektnummer',
  'prosjekttittel',
  'soknadstype',
  'prosjektfase',
  'prosjektstart',
  'prosjektslutt',
  'organisasjonsnummer',
  'tildelt_belop',
] as const;

export const OPTIONAL_COLUMNS = [
  'prosjektansvarlig_navn',
  'aktivitet_kode',
  'aktivitet',
  'hovedaktivitet',
  'virkemiddel',
  'kommunenummer',
  'fylkenummer',
  'fagomraade',
  'fag',
  'fagdisiplin',
  'prosjektleder',
  'partnere',
  'tema',
] as const;

const YEAR_COLUMN = /^tildelt_(\d{4})$/;
/** More rows than one import takes: split the file. */
export const MAX_ROWS = 50_000;

export interface ImportedProject {
  /** Its line in the file, for reports. */
  readonly line: number;
  readonly projectNumber: string;
  readonly title: string;
  readonly applicationType: string;
  readonly activity: {
    readonly code: string;
    readonly name: string;
    readonly mainActivity: string | null;
    readonly instrument: string | null;
  } | null;
  readonly ownerOrgNumber: string;
  readonly ownerName: string | null;
  readonly countyCode: string | null;
  readonly municipalityCode: string | null;
  readonly thematicAreas: readonly string[];
  readonly subjectFields: readonly string[];
  readonly startYear: number;
  readonly endYear: number;
  readonly projectManager: string | null;
  readonly phase: ResearchPhase;
  readonly partners: readonly { readonly orgNumber: string; readonly role: string }[];
  /** Per year, oldest first; one with year null when the file gives only the total. */
  readonly allocations: readonly { readonly year: number | null; readonly amount: bigint }[];
  readonly total: bigint;
}

export interface ImportRowError {
  /** The line of the file (1 is the header). */
  readonly line: number;
  readonly column: string;
  readonly message: string;
}

type Row = Readonly<Record<string, string | undefined>>;

/**
 * Reads a whole file: every project it holds, or every problem it has (then no project, so that
 * nothing is half loaded). `thisYear` decides whether a granted project has started.
 */
export function readProsjektbankenCsv(text: string, thisYear: number): { projects: ImportedProject[]; errors: ImportRowError[] } {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // Rows of any length: one of the wrong length is that row's problem, not the file's.
    // With `info`, each record comes with where it ends in the file (csv-parse's types do not say so).
    parsed = parse(text, {
      bom: true,
      delimiter,
      info: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return {
      projects: [],
      errors: [{ line, column: '', message: `The file is not CSV this import can read: ${(error as Error).message.split('\n')[0]}` }],
    };
  }
  const [headerRecord, ...rows] = parsed;
  const header = (headerRecord?.record ?? []).map((name) => name.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0)
    return { projects: [], errors: missing.map((column) => ({ line: 1, column, message: `The file has no column ${column}` })) };
  if (rows.length === 0) return { projects: [], errors: [{ line: 1, column: '', message: 'The file holds no project' }] };
  if (rows.length > MAX_ROWS)
    return {
      projects: [],
      errors: [{ line: 1, column: '', message: `The file holds ${rows.length} projects; one import takes at most ${MAX_ROWS}` }],
    };
  const yearColumns = header.flatMap((column) => {
    const match = YEAR_COLUMN.exec(column);
    return match ? [{ column, year: Number(match[1]) }] : [];
  });
  const records = rows.map(({ record, info }) => ({
    info,
    width: record.length,
    record: Object.fromEntries(header.map((column, index) => [column, record[index]])),
  }));

  const projects: ImportedProject[] = [];
  const errors: ImportRowError[] = [];
  const seen = new Map<string, number>();
  for (const { record, info, width } of records) {
    const row = new RowReader(record, info.lines);
    if (width !== header.length) {
      errors.push(
        ...[
          {
            line: info.lines,
            column: '',
            message: `The line has ${width} column${width === 1 ? '' : 's'}; the header has ${header.length}`,
          },
        ],
      );
      continue;
    }
    const project = row.project(yearColumns, thisYear);
    if (project && seen.has(project.projectNumber)) {
      row.fail('prosjektnummer', `Project ${project.projectNumber} is on line ${seen.get(project.projectNumber)} too`);
    } else if (project) {
      seen.set(project.projectNumber, info.lines);
      projects.push(project);
    }
    errors.push(...row.errors);
  }
  return errors.length > 0 ? { projects: [], errors } : { projects, errors };
}

/** One row's values, checked; each problem is noted against its column, and the row answers null. */
class RowReader {
  readonly errors: ImportRowError[] = [];

  constructor(
    private readonly row: Row,
    private readonly line: number,
  ) {}

  fail(column: string, message: string): null {
    this.errors.push({ line: this.line, column, message });
    return null;
  }

  private text(column: string): string | null {
    const value = this.row[column]?.trim();
    return value === undefined || value === '' ? null : value;
  }

  private required(column: string, maxLength: number): string | null {
    const value = this.text(column);
    if (value === null) return this.fail(column, `${column} is empty`);
    if (value.length > maxLength) return this.fail(column, `${column} is longer than ${maxLength} characters`);
    return value;
  }

  private optional(column: string, maxLength: number): string | null {
    const value = this.text(column);
    if (value !== null && value.length > maxLength) return this.fail(column, `${column} is longer than ${maxLength} characters`);
    return value;
  }

  private year(column: string): number | null {
    const value = this.text(column);
    if (value === null || !/^\d{4}$/.test(value) || Number(value) < 1990 || Number(value) > 2100) {
      return this.fail(column, `${column} must be a year, e.g. 2021`);
    }
    return Number(value);
  }

  /** Whole kroner: "1500000", "1500000.0" or "1 500 000,00"; øre are refused, never rounded. */
  private amount(column: string, value: string): bigint | null {
    const match = /^(\d{1,15})(?:[.,]0+)?$/.exec(value.replace(/[\s\u00a0]/g, ''));
    if (!match)
      return this.fail(column, `${column} must be a whole amount of kroner, e.g. 1500000 (it was ${JSON.stringify(value.slice(0, 40))})`);
    return BigInt(match[1]!);
  }

  private orgNumber(column: string, value: string): string | null {
    const digits = value.replace(/\s/g, '');
    return isValidOrgNumber(digits)
      ? digits
      : this.fail(
          column,
          `${column} must be a valid organisation number (nine digits, MOD11 check digit); it was ${JSON.stringify(value.slice(0, 20))}`,
        );
  }

  project(yearColumns: readonly { column: string; year: number }[], thisYear: number): ImportedProject | null {
    const projectNumber = this.required('prosjektnummer', 20);
    if (projectNumber !== null && !/^\d{6}(\/[A-Za-z0-9]{1,10})?$/.test(projectNumber)) {
      this.fail('prosjektnummer', 'prosjektnummer must be six digits, with an optional suffix such as /I30');
    }
    const title = this.required('prosjekttittel', 500);
    const applicationType = this.required('soknadstype', 200);
    const phase = this.phase(thisYear);
    const startYear = this.year('prosjektstart');
    const endYear = this.year('prosjektslutt');
    if (startYear !== null && endYear !== null && endYear < startYear) this.fail('prosjektslutt', 'prosjektslutt is before prosjektstart');
    const ownerText = this.required('organisasjonsnummer', 20);
    const ownerOrgNumber = ownerText === null ? null : this.orgNumber('organisasjonsnummer', ownerText);
    const place = this.place();
    const totalText = this.required('tildelt_belop', 40);
    const total = totalText === null ? null : this.amount('tildelt_belop', totalText);
    const allocations = this.allocations(yearColumns, total);
    const partners = this.partners(ownerOrgNumber);
    const activity = this.activity();
    const thematicAreas = [
      ...new Set(
        (this.optional('tema', 2_000) ?? '')
          .split(';')
          .map((area) => area.trim())
          .filter(Boolean),
      ),
    ];
    const subjectFields = [
      ...new Set(['fagomraade', 'fag', 'fagdisiplin'].map((column) => this.optional(column, 200)).filter((field) => field !== null)),
    ];
    const ownerName = this.optional('prosjektansvarlig_navn', 300);
    const projectManager = this.optional('prosjektleder', 200);
    if (this.errors.length > 0) return null;
    return {
      line: this.line,
      projectNumber: projectNumber!,
      title: title!,
      applicationType: applicationType!,
      activity,
      ownerOrgNumber: ownerOrgNumber!,
      ownerName,
      countyCode: place.countyCode,
      municipalityCode: place.municipalityCode,
      thematicAreas,
      subjectFields,
      startYear: startYear!,
      endYear: endYear!,
      projectManager,
      phase: phase!,
      partners,
      allocations: allocations!,
      total: total!,
    };
  }

  /** Only granted projects are in Prosjektbanken: Bevilgning (granted: running once its start year has come) or Avsluttet. */
  private phase(thisYear: number): ResearchPhase | null {
    const value = this.required('prosjektfase', 50);
    if (value === null) return null;
    const start = Number(this.text('prosjektstart'));
    switch (value.toLowerCase()) {
      case 'bevilgning':
        return start > thisYear ? 'GRANTED' : 'RUNNING';
      case 'avsluttet':
        return 'COMPLETED';
      default:
        return this.fail(
          'prosjektfase',
          `prosjektfase must be Bevilgning or Avsluttet (only granted projects are imported); it was ${JSON.stringify(value)}`,
        );
    }
  }

  private place(): { countyCode: string | null; municipalityCode: string | null } {
    const municipality = this.optional('kommunenummer', 10);
    let county = this.optional('fylkenummer', 10);
    if (county !== null && !Object.hasOwn(COUNTIES, county)) {
      this.fail('fylkenummer', `fylkenummer must be a county code from 2024: ${Object.keys(COUNTIES).join(', ')}`);
      return { countyCode: null, municipalityCode: null };
    }
    if (municipality !== null) {
      county ??= municipality.slice(0, 2);
      if (!/^\d{4}$/.test(municipality) || !Object.hasOwn(COUNTIES, county) || !isMunicipalityInCounty(municipality, county)) {
        this.fail('kommunenummer', 'kommunenummer must be four digits starting with the code of its county (2024)');
      }
    }
    return { countyCode: county, municipalityCode: municipality };
  }

  private allocations(yearColumns: readonly { column: string; year: number }[], total: bigint | null) {
    const years = yearColumns.flatMap(({ column, year }) => {
      const value = this.text(column);
      if (value === null) return [];
      const amount = this.amount(column, value);
      return amount === null ? [] : [{ year, amount }];
    });
    if (total === null) return null;
    if (years.length === 0) return [{ year: null, amount: total }];
    const sum = years.reduce((all, { amount }) => all + amount, 0n);
    if (sum !== total) return this.fail('tildelt_belop', `tildelt_belop (${total}) is not the sum of the amounts per year (${sum})`);
    return years.sort((a, b) => a.year - b.year);
  }

  private partners(owner: string | null): { orgNumber: string; role: string }[] {
    const value = this.optional('partnere', 10_000);
    if (value === null) return [];
    const partners = new Map<string, string>();
    for (const entry of value
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)) {
      const [orgText = '', role = 'PARTNER'] = entry.split(':').map((part) => part.trim());
      const orgNumber = this.orgNumber('partnere', orgText);
      if (orgNumber === null) continue;
      if (orgNumber === owner) {
        this.fail('partnere', `${orgNumber} is the project owner, not a partner`);
        continue;
      }
      if (role.length === 0 || role.length > 100) this.fail('partnere', `the role of ${orgNumber} must be 1 to 100 characters`);
      partners.set(orgNumber, role);
    }
    return [...partners].map(([orgNumber, role]) => ({ orgNumber, role }));
  }

  private activity(): ImportedProject['activity'] {
    const code = this.optional('aktivitet_kode', 50);
    if (code === null) return null;
    return {
      code,
      name: this.optional('aktivitet', 300) ?? code,
      mainActivity: this.optional('hovedaktivitet', 300),
      instrument: this.optional('virkemiddel', 300),
    };
  }
}
