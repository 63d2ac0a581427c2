import { useId } from 'react';
import { approximately, type Money } from '../format';
import type { SupportByAgencyAllQuery, SupportByAgencyCountyQuery } from '../gql/graphql';
import { useFormats } from '../i18n/Language';
import { Chart } from './Chart';
import { bars, heightForBars } from './options';
import { Table } from './Table';

/** One agency's money in one year, as its subgraph holds it, and what kind of money it is. */
interface AgencyYear {
  readonly year: number;
  readonly agency: string;
  readonly what: 'grants' | 'catapult' | 'research';
  readonly amount: Money;
  /** A total given as "over" an amount in its source. */
  readonly atLeast: boolean;
}

/** Sums research allocations per year: the graph gives them per application type. */
function researchByYear(rows: SupportByAgencyAllQuery['researchAllocations']): AgencyYear[] {
  const years = new Map<number, bigint>();
  for (const row of rows) years.set(row.year, (years.get(row.year) ?? 0n) + BigInt(row.amount.amount));
  return [...years].map(([year, total]) => ({
    year,
    agency: 'Forskningsrådet',
    what: 'research',
    amount: { amount: String(total), currency: 'NOK' },
    atLeast: false,
  }));
}

/**
 * Support per year from every agency, each from the subgraph that holds it: Innovasjon Norge's
 * grants, Siva's allocations to Norsk katapult and Forskningsrådet's allocations to research
 * projects. A year an agency has nothing recorded is a gap, and the table says what each figure
 * is, so that a grant is not read as an allocation.
 */
export function AgencySupport({ data, title }: { readonly data: SupportByAgencyAllQuery; readonly title: string }) {
  const formats = useFormats();
  const { t, money } = formats;
  const table = useId();
  const grants: AgencyYear[] = data.fundingSeries
    .filter((row) => row.grants > 0 && row.granted !== null)
    .map((row) => ({ year: row.year, agency: row.label, what: 'grants', amount: row.granted!, atLeast: false }));
  const catapult: AgencyYear[] = data.catapultAllocationsByYear.map((row) => ({
    year: row.year,
    agency: 'Siva',
    what: 'catapult',
    amount: row.total,
    atLeast: row.totalIsLowerBound,
  }));
  const rows = [...grants, ...catapult, ...researchByYear(data.researchAllocations)].sort((a, b) => a.year - b.year);
  const years = [...new Set(rows.map((row) => row.year))].sort((a, b) => a - b);
  const agencies = [...new Set(rows.map((row) => row.agency))];
  const at = (year: number, agency: string) => rows.find((row) => row.year === year && row.agency === agency);
  return (
    <>
      <Chart
        label={t('support.chart.allAgencies')}
        table={table}
        option={bars(
          formats,
          years.map(String),
          agencies.map((agency) => ({ name: agency, data: years.map((year) => approximately(at(year, agency)?.amount)) })),
          { unit: 'kroner', stacked: true },
        )}
      />
      <Table
        id={table}
        caption={t('panel.figuresOf', { title })}
        columns={[t('support.per.year'), t('support.per.agency'), t('support.amount'), t('support.what')]}
        rows={rows.map((row) => [
          `${row.year}-${row.agency}`,
          [
            String(row.year),
            <span className="name">{row.agency}</span>,
            row.atLeast ? t('support.atLeast', { amount: money(row.amount) }) : money(row.amount),
            t(`support.what.${row.what}`),
          ],
        ])}
      />
      {data.researchAllocations.length === 0 && <p>{t('support.researchNotRecorded')}</p>}
    </>
  );
}

/** The agencies by the codes the subgraphs give them (their own names, in every language). */
const AGENCY_NAMES: Readonly<Record<string, string>> = {
  'innovasjon-norge': 'Innovasjon Norge',
  siva: 'Siva',
  forskningsradet: 'Forskningsrådet',
};

/**
 * Every agency's support summed per county of the cluster it went to (each subgraph resolves its
 * own part of each cluster): clusters whose county no source gives are summed as a county not
 * known, never left out; a county no agency's money reached is not listed.
 */
export function AgencyCountySupport({ data, title }: { readonly data: SupportByAgencyCountyQuery; readonly title: string }) {
  const formats = useFormats();
  const { t, money } = formats;
  const table = useId();
  const sums = new Map<string, { county: string; agency: string; total: bigint }>();
  for (const { node: cluster } of data.clusters.edges) {
    const county = cluster.county?.name ?? t('support.unknownCounty');
    for (const part of [cluster.fundingSupportByYear, cluster.catapultSupportByYear, cluster.researchSupportByYear]) {
      for (const year of part ?? []) {
        const agency = AGENCY_NAMES[year.agencyCode] ?? year.agencyCode;
        const key = `${county}\u0000${agency}`;
        const sum = sums.get(key) ?? { county, agency, total: 0n };
        sums.set(key, { ...sum, total: sum.total + BigInt(year.amount.amount) });
      }
    }
  }
  const rows = [...sums.values()].sort((a, b) => a.county.localeCompare(b.county, formats.locale) || a.agency.localeCompare(b.agency));
  const counties = [...new Set(rows.map((row) => row.county))];
  const agencies = [...new Set(rows.map((row) => row.agency))];
  const at = (county: string, agency: string) => rows.find((row) => row.county === county && row.agency === agency);
  if (rows.length === 0) return <p>{t('support.noneRecorded')}</p>;
  return (
    <>
      <Chart
        label={t('support.chart.agencyCounty')}
        table={table}
        height={heightForBars(counties.length, 1)}
        option={bars(
          formats,
          counties,
          agencies.map((agency) => ({
            name: agency,
            data: counties.map((county) => {
              const sum = at(county, agency);
              return sum ? Number(sum.total) : null;
            }),
          })),
          { unit: 'kroner', stacked: true, horizontal: true },
        )}
      />
      <Table
        id={table}
        caption={t('panel.figuresOf', { title })}
        columns={[t('support.per.county'), t('support.per.agency'), t('support.amount')]}
        rows={rows.map((row) => [
          `${row.county}-${row.agency}`,
          [row.county, <span className="name">{row.agency}</span>, money({ amount: String(row.total), currency: 'NOK' })],
        ])}
      />
      <p>{t('support.byClusterCounty')}</p>
      {data.clusters.edges.length < data.clusters.totalCount && (
        <p>
          {t('support.firstClusters', { shown: formats.count(data.clusters.edges.length), total: formats.count(data.clusters.totalCount) })}
        </p>
      )}
    </>
  );
}
