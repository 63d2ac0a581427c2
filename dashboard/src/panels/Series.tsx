import { useId } from 'react';
import { approximately, type Money } from '../format';
import type { SupportSeriesQuery } from '../gql/graphql';
import { useFormats } from '../i18n/Language';
import { Chart } from './Chart';
import { bars } from './options';
import { Table } from './Table';

type SeriesRow = SupportSeriesQuery['fundingSeries'][number];

/** Whether a figure says something: known and not zero (a zero-filled series' empty cells are left out of the table). */
const anything = (amount: Money | null | undefined) => amount === null || amount === undefined || amount.amount !== '0';

/**
 * Support granted per budget year, stacked by agency or programme (a zero-filled series from the
 * graph), with what was paid on each year's grants; the exact figures in a table, a row per year
 * and key that had any.
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
        rows={rows
          .filter((row) => anything(row.granted) || anything(row.paid))
          .map((row) => [
            `${row.year}-${row.key}`,
            [String(row.year), <span className="name">{row.label}</span>, money(row.granted), money(row.paid)],
          ])}
      />
    </>
  );
}
