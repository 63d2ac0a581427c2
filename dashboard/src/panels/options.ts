import type { Formats } from '../format';
import type { ChartOption } from './Chart';

/** What a chart's values count, for its value axis's name and its tooltip. */
export type Unit = 'kroner' | 'clusters' | 'companies' | 'applications';

/** A value the graph did not know: ECharts' empty value, drawn as a gap, never a 0 bar. */
const GAP = '-';

/** A value as its tooltip says it, with its unit: "8 000 000 kr", "3 klynger", "ikke kjent". */
export const valueWithUnit = (formats: Formats, unit: Unit, value: unknown): string => {
  if (typeof value !== 'number' || !Number.isFinite(value)) return formats.notKnown;
  switch (unit) {
    case 'kroner':
      return formats.money({ amount: String(Math.round(value)), currency: 'NOK' });
    case 'clusters':
      return formats.t('unit.clusterCount', { count: value });
    case 'companies':
      return formats.t('unit.companyCount', { count: value });
    case 'applications':
      return formats.t('unit.applicationCount', { count: value });
  }
};

const AXIS_NAMES: Readonly<Record<Unit, Parameters<Formats['t']>[0]>> = {
  kroner: 'unit.millionKroner',
  clusters: 'unit.clusters',
  companies: 'unit.companies',
  applications: 'unit.applications',
};

/**
 * Bars (or lines) per category, one colour per series, stacked or side by side. The value axis
 * names its unit (money in millions of kroner: "mill. kr"), its figures as the page's language
 * writes them; tooltips give each value with its unit; a null is a gap. Labels that would overlap
 * are left out, and long category names wrap, so a phone's narrow chart stays readable.
 */
export const bars = (
  formats: Formats,
  categories: readonly string[],
  series: readonly { name: string; data: readonly (number | null)[] }[],
  {
    unit,
    horizontal = false,
    stacked = false,
    kind = 'bar',
  }: { unit: Unit; horizontal?: boolean; stacked?: boolean; kind?: 'bar' | 'line' },
): ChartOption => {
  const categoryAxis = {
    type: 'category',
    data: categories,
    // A long name lying beside its bar wraps at a width that leaves the bars most of a phone's screen.
    axisLabel: horizontal ? { width: 130, overflow: 'break', lineHeight: 15, hideOverlap: true } : { hideOverlap: true },
  };
  const valueAxis = {
    type: 'value',
    name: formats.t(AXIS_NAMES[unit]),
    // Above the axis, starting at it: centred there, a long unit would run off the chart's left edge.
    nameLocation: 'end',
    nameTextStyle: { align: horizontal ? 'center' : 'left' },
    // Whole things are counted in whole numbers; money may be a fraction of a million.
    ...(unit === 'kroner' ? {} : { minInterval: 1 }),
    splitNumber: 4,
    axisLabel: {
      hideOverlap: true,
      formatter: (value: number) => (unit === 'kroner' ? formats.millions(value) : formats.count(value)),
    },
  };
  return {
    // Drawn at once: a figure is read, not watched (and a screenshot shows it whole).
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => valueWithUnit(formats, unit, value) },
    legend: { show: series.length > 1, top: 0, type: 'scroll' },
    grid: {
      left: 8,
      right: horizontal ? 24 : 16,
      top: series.length > 1 ? 44 : 28,
      bottom: horizontal ? 36 : 8,
      containLabel: true,
    },
    xAxis: horizontal ? { ...valueAxis, nameLocation: 'middle', nameGap: 28 } : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: series.map((entry) => ({
      type: kind,
      ...(stacked ? { stack: 'all' } : {}),
      name: entry.name,
      data: entry.data.map((value) => value ?? GAP),
    })),
  };
};

/** How tall a chart with a bar per category lying down must be for each bar and its name to be read. */
export const heightForBars = (categories: number, series: number): number => Math.max(256, 72 + categories * Math.max(36, 18 * series));
