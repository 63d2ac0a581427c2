import { approximately, money } from '../format';
import type { SupportSeriesQuery } from '../gql/graphql';
import { Chart } from './Chart';
import { bars } from './options';
import { Table } from './Table';

type SeriesRow = SupportSeriesQuery['fundingSeries'][number];

/**
 * Support granted per budget year, stacked by agency or programme (a zero-filled series from the
 * graph), with what was paid on each year's grants; the exact figures in a table, a row per year
 * and key that had any.
 */
export function SupportStacked({ rows, per }: { readonly rows: readonly SeriesRow[]; readonly per: string }) {
  const years = [...new Set(rows.map((row) => row.year))];
  const keys = [...new Map(rows.map((row) => [row.key, row.label])).entries()];
  const at = (year: number, key: string) => rows.find((row) => row.year === year && row.key === key);
  return (
    <>
      <Chart
        label={`Support granted per year, by ${per.toLowerCase()}, in NOK`}
        option={bars(
          years.map(String),
          keys.map(([key, label]) => ({ name: label, data: years.map((year) => approximately(at(year, key)!.granted)) })),
          { stacked: true },
        )}
      />
      <Table
        columns={['Year', per, 'Granted', 'Paid']}
        rows={rows
          .filter((row) => row.granted.amount !== '0' || row.paid.amount !== '0')
          .map((row) => [`${row.year}-${row.key}`, [String(row.year), row.label, money(row.granted), money(row.paid)]])}
      />
    </>
  );
}
