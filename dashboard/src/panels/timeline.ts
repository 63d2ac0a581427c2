import type { Formats } from '../format';
import type { ChartOption } from './Chart';

export interface Period {
  readonly level: string;
  readonly levelLabel: string;
  /** Null where no source gives the start: such a period is left out of the chart (its table lists it). */
  readonly fromYear: number | null;
  /** The last year at the level; null while a recorded period lasts, or when not known. */
  readonly toYear: number | null;
  readonly endedBy: string | null;
  readonly basis: string;
}

/**
 * A cluster's level history as a timeline of years: one bar per period on its level's row, from
 * the start of its first year to the end of its last (this year, while a recorded one lasts). A
 * year stays a year: no period is drawn to a day it does not know.
 */
export const levelTimeline = (formats: Formats, periods: readonly Period[], today = new Date()): ChartOption => {
  const dated = periods.filter((period) => period.fromYear !== null);
  // One row per level held, in the order first held.
  const levels = [...new Map(dated.map((period) => [period.level, period.levelLabel])).keys()];
  const labels = new Map(dated.map((period) => [period.level, period.levelLabel]));
  const lastYear = (period: Period) => period.toYear ?? (period.basis === 'RECORDED' ? today.getUTCFullYear() : period.fromYear!);
  return {
    animation: false,
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      formatter: (params: { data: { period: Period } }) => {
        const { period } = params.data;
        return `${period.levelLabel}: ${formats.years(period.fromYear, period.toYear, period.basis === 'RECORDED')} (${formats.t('cluster.endedBy')}: ${formats.periodEnd(period.endedBy, period.basis)})`;
      },
    },
    // Years, as many as fit (hideOverlap: a phone shows fewer, never overlapping).
    xAxis: {
      type: 'value',
      name: formats.t('unit.year'),
      minInterval: 1,
      scale: true,
      axisLabel: { formatter: (year: number) => String(year), hideOverlap: true },
    },
    yAxis: { type: 'category', data: levels.map((level) => labels.get(level)) },
    series: [
      {
        type: 'custom',
        encode: { x: [1, 2], y: 0 },
        data: dated.map((period) => ({ value: [levels.indexOf(period.level), period.fromYear!, lastYear(period) + 1], period })),
        renderItem: (
          _params: unknown,
          api: {
            value: (dimension: number) => number;
            coord: (point: [number, number]) => [number, number];
            size: (size: [number, number]) => [number, number];
            style: () => Record<string, unknown>;
          },
        ) => {
          const [x0, y] = api.coord([api.value(1), api.value(0)]);
          const [x1] = api.coord([api.value(2), api.value(0)]);
          const height = api.size([0, 1])[1] * 0.6;
          return { type: 'rect', shape: { x: x0, y: y - height / 2, width: Math.max(x1 - x0, 2), height }, style: api.style() };
        },
      },
    ],
  };
};
