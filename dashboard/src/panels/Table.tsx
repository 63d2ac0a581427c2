import type { ReactNode } from 'react';

/** One row: its key, then its cells; the first cell names the row. */
export type Row = readonly [key: string, cells: readonly ReactNode[]];

/** A panel's figures as a table with column headings, the first column naming each row. */
export function Table({
  columns,
  rows,
  className,
}: {
  readonly columns: readonly string[];
  readonly rows: readonly Row[];
  readonly className?: string;
}) {
  return (
    <table className={className}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([key, [first, ...rest]]) => (
          <tr key={key}>
            <th scope="row">{first}</th>
            {rest.map((cell, index) => (
              <td key={index}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
