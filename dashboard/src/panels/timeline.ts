import type { Formats } from '../format';
import type { ChartOption } from './Chart';

export interface Period {
  readonly level: string;
  readonly levelLabel: string;
  readonly from: string;
  readonly fromPrecision: string;
  readonly to: string | null;
}

/**
 * A cluster's level history as a timeline: one bar per period on its level's row, from its start
 * to its end (or to today, while it lasts).
 */
export const levelTimeline = (formats: Formats, periods: readonly Period[], today = new Date()): ChartOption => {
  // One row per level held, in the order first held.
  const levels = [...new Map(periods.map((period) => [period.level, period.levelLabel])).keys()];
  const labels = new Map(periods.map((period) => [period.level, period.levelLabel]));
  const time = (day: string) => Date.parse(`${day.slice(0, 10)}T00:00:00Z`);
  return {
    animation: false,
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      formatter: (params: { data: { period: Period } }) => {
        const { period } = params.data;
        return `${period.levelLabel}: ${formats.date(period.from, period.fromPrecision)} – ${period.to ? formats.date(period.to) : formats.t('cluster.now')}`;
      },
    },
    // Years on the time axis, as many as fit (hideOverlap: a phone shows fewer, never overlapping).
    xAxis: { type: 'time', name: formats.t('unit.year'), axisLabel: { formatter: '{yyyy}', hideOverlap: true } },
    yAxis: { type: 'category', data: levels.map((level) => labels.get(level)) },
    series: [
      {
        type: 'custom',
        encode: { x: [1, 2], y: 0 },
        data: periods.map((period) => ({
          value: [levels.indexOf(period.level), time(period.from), period.to ? time(period.to) : today.getTime()],
          period,
        })),
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
