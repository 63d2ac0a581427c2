import { useId } from 'react';
import { approximately } from '../format';
import type { SupportFiguresFragment } from '../gql/graphql';
import { useFormats } from '../i18n/Language';
import { Chart } from './Chart';
import { bars, heightForBars } from './options';
import { Table } from './Table';

/** The key the graph gives the row of support whose recipient's county nobody recorded. */
const UNKNOWN_COUNTY = 'unknown';

/** Support granted and paid, per year or county (rows of fundingBreakdown): a chart and its exact figures. */
export function Support({
  rows,
  per,
  title,
  horizontal = false,
}: {
  readonly rows: readonly SupportFiguresFragment[];
  readonly per: 'year' | 'county';
  /** What the panel calls it, for the table's caption. */
  readonly title: string;
  readonly horizontal?: boolean;
}) {
  const formats = useFormats();
  const { t, count, money } = formats;
  const table = useId();
  const labelOf = (row: SupportFiguresFragment) =>
    per === 'county' && row.key === UNKNOWN_COUNTY ? t('support.unknownCounty') : row.label;
  return (
    <>
      <Chart
        label={t(`support.chart.${per}`)}
        table={table}
        height={horizontal ? heightForBars(rows.length, 2) : undefined}
        option={bars(
          formats,
          rows.map(labelOf),
          [
            { name: t('support.granted'), data: rows.map((row) => approximately(row.granted)) },
            { name: t('support.paid'), data: rows.map((row) => approximately(row.paid)) },
          ],
          { unit: 'kroner', horizontal },
        )}
      />
      <Table
        id={table}
        caption={t('panel.figuresOf', { title })}
        columns={[t(`support.per.${per}`), t('support.grants'), t('support.granted'), t('support.paid')]}
        rows={rows.map((row) => [row.key, [labelOf(row), count(row.grants), money(row.granted), money(row.paid)]])}
      />
    </>
  );
}
