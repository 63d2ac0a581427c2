import { count } from '../format';
import type { ChartOption } from './Chart';

/** Bars (or lines) per category, one colour per series, stacked or side by side; axis figures as Norwegian readers write them. */
export const bars = (
  categories: readonly string[],
  series: readonly { name: string; data: readonly number[] }[],
  { horizontal = false, stacked = false, kind = 'bar' }: { horizontal?: boolean; stacked?: boolean; kind?: 'bar' | 'line' } = {},
): ChartOption => {
  const categoryAxis = { type: 'category', data: categories };
  const valueAxis = { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => count(value) } };
  return {
    // Drawn at once: a figure is read, not watched (and a screenshot shows it whole).
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (value: number) => count(value) },
    legend: { show: series.length > 1, top: 0 },
    grid: { left: 8, right: 16, top: series.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: series.map((entry) => ({ type: kind, ...(stacked ? { stack: 'all' } : {}), ...entry })),
  };
};
