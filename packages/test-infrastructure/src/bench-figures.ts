import { writeFileSync } from 'node:fs';

/** A benchmark's setting from the environment: a positive whole number, `fallback` when unset. */
export function benchSetting(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number`);
  return value;
}

/** The value at `share` (0.5 for the median) of values sorted ascending; NaN when there are none. */
export function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? NaN;
}

/** Writes `figures` as JSON to the file BENCH_OUT names, if it names one; answers whether it did. */
export function writeBenchFigures(figures: object): boolean {
  const file = process.env.BENCH_OUT;
  if (!file) return false;
  writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
  return true;
}
