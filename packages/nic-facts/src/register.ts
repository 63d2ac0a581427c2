import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

/**
 * The sourced register of public facts about Norway's cluster programme (collected 2026-12-06
 * from news, the programme's and the clusters' own pages), as Klynge carries it: the facts and the
 * page each comes from, not the quotes the collectors checked them by. `data/` holds it;
 * `npm run facts:import -- <folder>` writes it again from the register's CSV files
 * (`clusters.csv`, `programme.csv`, as in ../shared/data/nic-facts).
 *
 * Nothing here is interpreted: a year the page does not give stays null, a figure stays the
 * words the page used ("about 30 clusters"), and where pages disagree both rows are kept.
 */

/** One sourced fact about a cluster: one row of the register's clusters.csv. */
export interface ClusterFact {
  /** The cluster's current name, which groups its rows. */
  readonly cluster: string;
  /** Earlier or other names, as the register lists them. */
  readonly otherNames: readonly string[];
  /** Arena, Arena Pro, NCE, GCE, or another word the page used ("Mature cluster (sub-programme)"); null where it gives none. */
  readonly level: string | null;
  /** The year the fact starts, where the page gives it (or, said in `event`, its date or address does). */
  readonly fromYear: number | null;
  /** The year it ends, where the page gives it. */
  readonly toYear: number | null;
  /** admitted / advanced / extended / left / renamed / other: ..., with the register's notes. */
  readonly event: string;
  /** The county, region or town the page names. */
  readonly place: string | null;
  /** Members as the page reports them, in its words and with its year. */
  readonly membersReported: string | null;
  readonly sourceUrl: string;
}

/** One sourced fact about the programme in a year: one row of the register's programme.csv. */
export interface ProgrammeFact {
  /** The year the fact is about; null where the page does not say. */
  readonly year: number | null;
  /** What the figure is, in the register's words. */
  readonly fact: string;
  /** The figure as the page gives it ("137", "3 / 14 / 22", "about 30 clusters"). */
  readonly value: string;
  /** Its unit ("NOK million", "clusters", ...); null where it has none. */
  readonly unit: string | null;
  readonly sourceUrl: string;
}

const dataDir = path.join(__dirname, '..', 'data');

/** The register's cluster facts, as Klynge carries them. */
export function clusterFacts(): ClusterFact[] {
  return JSON.parse(readFileSync(path.join(dataDir, 'clusters.json'), 'utf8')) as ClusterFact[];
}

/** The register's programme facts, as Klynge carries them. */
export function programmeFacts(): ProgrammeFact[] {
  return JSON.parse(readFileSync(path.join(dataDir, 'programme.json'), 'utf8')) as ProgrammeFact[];
}

const text = (value: string | undefined): string | null => (value && value.trim() !== '' ? value.trim() : null);
const year = (value: string | undefined): number | null => {
  const given = text(value);
  if (given === null) return null;
  if (!/^\d{4}$/.test(given)) throw new Error(`"${given}" is not a year`);
  return Number(given);
};
const url = (value: string | undefined): string => {
  const given = text(value);
  if (!given || !/^https?:\/\/\S+$/.test(given)) throw new Error(`"${given ?? ''}" is not a web address`);
  return given;
};

function rows(file: string): Record<string, string>[] {
  return parse<Record<string, string>>(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true });
}

/** Reads the register's CSV files in `folder` (without their quotes): what `data/` holds. */
export function readRegister(folder: string): { clusters: ClusterFact[]; programme: ProgrammeFact[] } {
  const clusters = rows(path.join(folder, 'clusters.csv')).map((row): ClusterFact => ({
    cluster: text(row.cluster_name) ?? '',
    otherNames: (text(row.other_names) ?? '')
      .split(';')
      .map((name) => name.trim())
      .filter((name) => name !== ''),
    level: text(row.level),
    fromYear: year(row.from_year),
    toYear: year(row.to_year),
    event: text(row.event) ?? '',
    place: text(row.county_or_town),
    membersReported: text(row.members_reported),
    sourceUrl: url(row.source_url),
  }));
  const programme = rows(path.join(folder, 'programme.csv')).map((row): ProgrammeFact => ({
    year: year(row.year),
    fact: text(row.fact) ?? '',
    value: text(row.value) ?? '',
    unit: text(row.unit),
    sourceUrl: url(row.source_url),
  }));
  return { clusters, programme };
}

/** Writes what `readRegister` read into `data/` (pretty-printed, one fact per line or so, for reviewable diffs). */
export function registerFiles(register: ReturnType<typeof readRegister>): Record<'clusters.json' | 'programme.json', string> {
  return {
    'clusters.json': `${JSON.stringify(register.clusters, null, 1)}\n`,
    'programme.json': `${JSON.stringify(register.programme, null, 1)}\n`,
  };
}

export const registerDataDir = dataDir;
