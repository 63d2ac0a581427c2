import { useId } from 'react';
import { approximately } from '../format';
import type { SupportSeriesQuery } from '../gql/graphql';
import { useFormats } from '../i18n/Language';
import { Chart } from './Chart';
import { bars } from './options';
import { Table } from './Table';

type SeriesRow = SupportSeriesQuery['fundingSeries'][number];

/**
 * Support granted per budget year, stacked by agency or programme (a zero-filled series from the
 * graph), with what was paid on each year's grants; the exact figures in a table, a row per year
 * and key with a grant recorded. What is not known (granted where no grant is recorded, paid where
 * no payment is) is a gap in the chart and "ikke kjent" in the table.
 */
export function SupportStacked({
  rows,
  per,
  title,
}: {
  readonly rows: readonly SeriesRow[];
  readonly per: 'agency' | 'programme';
  readonly title: string;
}) {
  const formats = useFormats();
  const { t, money } = formats;
  const table = useId();
  const years = [...new Set(rows.map((row) => row.year))];
  const keys = [...new Map(rows.map((row) => [row.key, row.label])).entries()];
  const at = (year: number, key: string) => rows.find((row) => row.year === year && row.key === key);
  return (
    <>
      <Chart
        label={t(`support.chart.${per}`)}
        table={table}
        option={bars(
          formats,
          years.map(String),
          keys.map(([key, label]) => ({ name: label, data: years.map((year) => approximately(at(year, key)?.granted)) })),
          { unit: 'kroner', stacked: true },
        )}
      />
      <Table
        id={table}
        caption={t('panel.figuresOf', { title })}
        columns={[t('support.per.year'), t(`support.per.${per}`), t('support.granted'), t('support.paid')]}
        // A year and key with no grant recorded is a gap in the chart, and no row here.
        rows={rows
          .filter((row) => row.grants > 0)
          .map((row) => [
            `${row.year}-${row.key}`,
            [String(row.year), <span className="name">{row.label}</span>, money(row.granted), money(row.paid)],
          ])}
      />
    </>
  );
}
