import { BarChart, CustomChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useFormats } from '../i18n/Language';

// Only what the pages draw, so the bundle carries no more of ECharts than that.
echarts.use([BarChart, CustomChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/**
 * An Apache ECharts chart, drawn as SVG, redrawn when its option changes and when its box is
 * resized (a phone turned, a panel reflowed). To screen readers it is one image whose name says
 * what it shows and that its figures are in the table below it (`table`, the table's id).
 */
export function Chart({
  option,
  label,
  table,
  height,
  short = false,
}: {
  readonly option: ChartOption;
  readonly label: string;
  readonly table?: string;
  /** Pixels, where the chart needs more than the usual height (one bar per row of many). */
  readonly height?: number;
  readonly short?: boolean;
}) {
  const element = useRef<HTMLDivElement>(null);
  const { t } = useFormats();
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.setOption(option);
    const resized = new ResizeObserver(() => chart.resize());
    resized.observe(element.current);
    return () => {
      resized.disconnect();
      chart.dispose();
    };
  }, [option]);
  return (
    <div
      className={short ? 'chart chart-short' : 'chart'}
      style={height === undefined ? undefined : { height }}
      role="img"
      aria-label={t('panel.chartOf', { title: label })}
      aria-describedby={table}
      ref={element}
    />
  );
}
