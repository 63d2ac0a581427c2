import type { ReactNode } from 'react';
import { ScrollRegion } from './ScrollRegion';

/** A panel's exact figures, one `[label, formatted value]` a row, beside its chart. */
export function Figures({
  caption,
  rows,
  id,
}: {
  readonly caption: string;
  readonly rows: readonly (readonly [string, ReactNode])[];
  readonly id?: string;
}) {
  return (
    <ScrollRegion label={caption}>
      <table className="figures" id={id}>
        <caption className="visually-hidden">{caption}</caption>
        <tbody>
          {rows.map(([name, value]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
