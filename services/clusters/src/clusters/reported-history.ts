import type { ClusterLevel } from '@klynge/contracts';
import type { ClusterFact } from '@klynge/nic-facts';

/**
 * A cluster's levels as the sourced register reports them, read by rules that are written here
 * once and tested against the register: nothing is added that no page says, and where pages
 * disagree every year they give is kept with its page.
 *
 * - A level period starts in the year an `admitted` or `advanced` fact gives, or that a fact
 *   stating the period's span ("NCE 2006-2016") gives. A plan ("planned period") states a start,
 *   not an end.
 * - It ends in the year a fact gives (a span, `left`); where none does, the year before the
 *   cluster's next level began (NEXT_LEVEL); an NCE period with 2018, when NCE stopped being a level
 *   (LEVEL_ENDED, domain notes); otherwise after the level's term from its start (TERM: Arena 3
 *   years, Arena Pro 5, GCE 10, each extension reported adding 2), said as such. Without a known
 *   start nothing ends it.
 * - The level a cluster holds today is known only where a page covers today: CURRENT_LEVEL_SQL
 *   (cluster.queries.ts) decides it from the periods, for the registry and its events alike.
 */

/** How a level period's end is known. */
export type PeriodEnd = 'SOURCE' | 'NEXT_LEVEL' | 'LEVEL_ENDED' | 'TERM';

/** What a page says of a period: that it began (in `year`), ended, or that the level was held. */
export interface LevelClaim {
  readonly claim: 'START' | 'END' | 'HELD';
  readonly year: number | null;
  readonly url: string;
}

export interface ReportedPeriod {
  readonly level: ClusterLevel;
  /** The earliest start year a page gives; null when none gives one. */
  readonly fromYear: number | null;
  /** Every start year pages give: more than one when they disagree. */
  readonly fromYears: readonly number[];
  /** The last year at the level (inclusive); null while not known to have ended. */
  readonly toYear: number | null;
  /** Every end year pages give: more than one when they disagree. */
  readonly toYears: readonly number[];
  /** How `toYear` is known; null when it is not. A page saying the period ended without a year gives SOURCE with toYear null. */
  readonly endedBy: PeriodEnd | null;
  readonly claims: readonly LevelClaim[];
}

export interface ReportedCluster {
  readonly name: string;
  readonly otherNames: readonly string[];
  /** The county all the places pages name lie in (2024 numbering); null when they name none or several. */
  readonly countyCode: string | null;
  /** The town pages name, where they agree on one. */
  readonly town: string | null;
  /** Oldest first, by start year (unknown starts first). */
  readonly periods: readonly ReportedPeriod[];
  /** Members as pages report them, in their words, with the page. */
  readonly membersReported: readonly { readonly text: string; readonly url: string }[];
}

/** The register's level words, for the programme's levels; other words (sub-programmes, brands, hub-nodes) are not levels. */
const LEVELS: Readonly<Record<string, ClusterLevel>> = { Arena: 'ARENA', 'Arena Pro': 'ARENA_PRO', NCE: 'NCE', GCE: 'GCE' };
/** The order levels come in: Arena first; NCE was a level until 2018, Arena Pro one from 2019. */
const LEVEL_ORDER: Readonly<Record<ClusterLevel, number>> = { ARENA: 0, NCE: 1, ARENA_PRO: 2, GCE: 3 };
const TERM_YEARS: Readonly<Record<ClusterLevel, number | null>> = { ARENA: 3, ARENA_PRO: 5, GCE: 10, NCE: null };
/** Arena extensions reported are of two years (domain notes; the register's NFH and NSCC). */
const EXTENSION_YEARS = 2;
/** NCE stopped being a level with the programmes that began on 1 January 2019. */
const LAST_NCE_YEAR = 2018;

/**
 * Facts that name a level and a span that is not the level's: the FIN op-ed's state support to
 * GCE Ocean Technology 2007-2023 covers its NCE and GCE years alike.
 */
const NOT_A_LEVEL_SPAN = (fact: ClusterFact) => /support \d{4}-\d{4}/.test(fact.event);
const isPlan = (fact: ClusterFact) => /planned/.test(fact.event);
const starts = (fact: ClusterFact) =>
  fact.fromYear !== null && (/^(admitted|advanced)/.test(fact.event) || (fact.toYear !== null && !NOT_A_LEVEL_SPAN(fact)));
const ends = (fact: ClusterFact) => (fact.toYear !== null && !isPlan(fact) && !NOT_A_LEVEL_SPAN(fact)) || /^left/.test(fact.event);

const distinct = (years: readonly (number | null)[]) => [...new Set(years.filter((year): year is number => year !== null))].sort();

/** Each cluster of the register that held a level of the programme, with its periods as the rules above read them. */
export function reportedClusters(facts: readonly ClusterFact[]): ReportedCluster[] {
  const byCluster = new Map<string, ClusterFact[]>();
  for (const fact of facts) byCluster.set(fact.cluster, [...(byCluster.get(fact.cluster) ?? []), fact]);
  const clusters: ReportedCluster[] = [];
  for (const [name, rows] of byCluster) {
    const periods = periodsOf(rows);
    if (periods.length === 0) continue;
    const places = [...new Set(rows.map((row) => row.place).filter((place): place is string => place !== null))];
    clusters.push({
      name,
      otherNames: [...new Set(rows.flatMap((row) => row.otherNames))],
      countyCode: countyOf(places),
      town: townOf(places),
      periods,
      membersReported: rows.flatMap((row) => (row.membersReported ? [{ text: row.membersReported, url: row.sourceUrl }] : [])),
    });
  }
  return clusters.sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}

function periodsOf(rows: readonly ClusterFact[]): ReportedPeriod[] {
  const drafts = Object.entries(LEVELS).flatMap(([word, level]) => {
    const held = rows.filter((row) => row.level === word);
    if (held.length === 0) return [];
    const fromYears = distinct(held.filter(starts).map((row) => row.fromYear));
    const toYears = distinct(held.filter(ends).map((row) => row.toYear));
    const claims: LevelClaim[] = held.flatMap((row): LevelClaim[] => {
      const said: LevelClaim[] = [];
      if (starts(row)) said.push({ claim: 'START', year: row.fromYear, url: row.sourceUrl });
      if (ends(row)) said.push({ claim: 'END', year: row.toYear, url: row.sourceUrl });
      return said.length > 0 ? said : [{ claim: 'HELD', year: row.fromYear, url: row.sourceUrl }];
    });
    const extensions = held.filter((row) => /^extended/.test(row.event) && row.fromYear !== null).length;
    return [{ level, fromYears, toYears, claims, extensions, said: held.some(ends) }];
  });
  // By start year where both are known; otherwise in the order the levels come in a cluster's life.
  drafts.sort((a, b) =>
    a.fromYears[0] !== undefined && b.fromYears[0] !== undefined
      ? a.fromYears[0] - b.fromYears[0]
      : LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level],
  );
  return drafts.map((draft, index): ReportedPeriod => {
    const fromYear = draft.fromYears[0] ?? null;
    const next = drafts.slice(index + 1).find((later) => later.fromYears.length > 0);
    let toYear: number | null = null;
    let endedBy: PeriodEnd | null = null;
    if (draft.said && draft.toYears.length > 0) [toYear, endedBy] = [draft.toYears.at(-1)!, 'SOURCE'];
    // A page says an NCE period ended, not when: NCE stopped being a level with 2018 at the latest.
    else if (draft.said && draft.level === 'NCE' && fromYear !== null) [toYear, endedBy] = [LAST_NCE_YEAR, 'LEVEL_ENDED'];
    else if (draft.said) [toYear, endedBy] = [null, 'SOURCE'];
    // The year before the next level began: the level a cluster held at the end of each year.
    else if (fromYear !== null && next) [toYear, endedBy] = [Math.max(fromYear, next.fromYears[0]! - 1), 'NEXT_LEVEL'];
    else if (fromYear !== null && draft.level === 'NCE') [toYear, endedBy] = [LAST_NCE_YEAR, 'LEVEL_ENDED'];
    else if (fromYear !== null) [toYear, endedBy] = [fromYear + TERM_YEARS[draft.level]! + draft.extensions * EXTENSION_YEARS, 'TERM'];
    return { level: draft.level, fromYear, fromYears: draft.fromYears, toYear, toYears: draft.toYears, endedBy, claims: draft.claims };
  });
}

/**
 * Where the places pages name lie, by today's 15 counties (the 2024 reform): a town, a county by
 * its old or new name, or a region that lies within one county. A place that names two counties
 * ("Fredrikstad / Asker", "Oslo–Kongsberg region") or a region across counties ("Vestlandet",
 * "Nord-Norge") says nothing of the county.
 */
const PLACE_COUNTY: readonly [readonly string[], string][] = [
  [['Oslo'], '03'],
  [['Rogaland', 'Stavanger', 'Sandnes'], '11'],
  [['Møre og Romsdal', 'Møre', 'Ålesund', 'Molde'], '15'],
  [['Nordland', 'Helgeland', 'Mo i Rana', 'Bodø', 'Lofoten', 'Vesterålen'], '18'],
  [['Halden', 'Fredrikstad'], '31'],
  [['Akershus', 'Lillestrøm', 'Asker', 'Fornebu'], '32'],
  [['Kongsberg', 'Drammen'], '33'],
  [['Innlandet', 'Hamar', 'Hedmark', 'Raufoss', 'Oppland'], '34'],
  [['Vestfold', 'Horten'], '39'],
  [['Telemark', 'Notodden'], '40'],
  [['Agder', 'Sørlandet', 'Kristiansand', 'Arendal'], '42'],
  [['Vestland', 'Hordaland', 'Bergen', 'Stord', 'Bergensregionen'], '46'],
  [['Trøndelag', 'Trondheim', 'Stjørdal', 'Namsos'], '50'],
  [['Troms'], '55'],
  [['Finnmark'], '56'],
];

/** `name` as a word of its own in a place (letters such as å and ø count as letters). */
const word = (name: string) => new RegExp(`(?<!\\p{L})${name}(?![\\p{L}-])`, 'u');
const COUNTY_WORDS = PLACE_COUNTY.map(([names, county]) => [names.map(word), county] as const);

/**
 * The county every place that names one county lies in; null when none names one, or they
 * disagree. A satellite office ("Stavanger satellite") is not the cluster's home.
 */
function countyOf(places: readonly string[]): string | null {
  const counties = new Set<string>();
  for (const place of places) {
    if (/satellite/i.test(place)) continue;
    const named = new Set(COUNTY_WORDS.filter(([words]) => words.some((pattern) => pattern.test(place))).map(([, county]) => county));
    if (named.size === 1) counties.add([...named][0]!);
  }
  return counties.size === 1 ? [...counties][0]! : null;
}

/** Towns pages name as a cluster's home. */
const TOWNS = [
  'Oslo',
  'Stavanger',
  'Sandnes',
  'Ålesund',
  'Molde',
  'Mo i Rana',
  'Bodø',
  'Halden',
  'Fredrikstad',
  'Lillestrøm',
  'Kongsberg',
  'Drammen',
  'Hamar',
  'Raufoss',
  'Horten',
  'Kristiansand',
  'Arendal',
  'Bergen',
  'Stord',
  'Trondheim',
  'Stjørdal',
  'Namsos',
  'Asker',
  'Fornebu',
  'Notodden',
].map((town) => [town, word(town)] as const);

/** The one town the pages' places name; null when they name none, or several. */
function townOf(places: readonly string[]): string | null {
  const named = new Set(
    places
      .filter((place) => !/satellite/i.test(place))
      .flatMap((place) => TOWNS.filter(([, pattern]) => pattern.test(place)).map(([town]) => town)),
  );
  return named.size === 1 ? [...named][0]! : null;
}
