import { approximately, count, money } from '../format';
import type { SupportFiguresFragment } from '../gql/graphql';
import { Chart } from './Chart';
import { bars } from './options';
import { Table } from './Table';

/** Support granted and paid, per year or county (rows of fundingBreakdown): a chart and its exact figures. */
export function Support({
  rows,
  per,
  horizontal = false,
}: {
  readonly rows: readonly SupportFiguresFragment[];
  readonly per: string;
  readonly horizontal?: boolean;
}) {
  return (
    <>
      <Chart
        label={`Support granted and paid per ${per.toLowerCase()}, in NOK`}
        option={bars(
          rows.map((row) => row.label),
          [
            { name: 'Granted', data: rows.map((row) => approximately(row.granted)) },
            { name: 'Paid', data: rows.map((row) => approximately(row.paid)) },
          ],
          { horizontal },
        )}
      />
      <Table
        columns={[per, 'Grants', 'Granted', 'Paid']}
        rows={rows.map((row) => [row.key, [row.label, count(row.grants), money(row.granted), money(row.paid)]])}
      />
    </>
  );
}
