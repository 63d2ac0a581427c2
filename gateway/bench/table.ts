/** Milliseconds as the benchmarks print them: one decimal below 10, none above; `-` for no figure. */
export const ms = (value: number) => (Number.isFinite(value) ? (value < 10 ? value.toFixed(1) : value.toFixed(0)) : '-');

/** A table as the benchmarks print it: the first column to the left, the figures to the right, a rule under the header. */
export function formatTable(header: readonly string[], lines: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: readonly string[]) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...lines.map(format)].map((line) => `${line}\n`).join('');
}
