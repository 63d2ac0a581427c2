import type { ReactNode } from 'react';
import { ScrollRegion } from './ScrollRegion';

/** One row: its key, then its cells; the first cell names the row. */
export type Row = readonly [key: string, cells: readonly ReactNode[]];

/**
 * A panel's figures as a table with column headings, the first column naming each row. Its caption
 * (for screen readers; the panel's heading says it to the eye) names what it holds, which is also
 * what the chart beside it shows.
 */
export function Table({
  caption,
  columns,
  rows,
  className,
  id,
}: {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly Row[];
  readonly className?: string;
  readonly id?: string;
}) {
  return (
    <ScrollRegion label={caption}>
      <table className={className} id={id}>
        <caption className="visually-hidden">{caption}</caption>
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
    </ScrollRegion>
  );
}
