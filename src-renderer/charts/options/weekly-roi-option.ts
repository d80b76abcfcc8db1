import type { EChartsOption } from 'echarts';
import type { WeeklyPerformanceRow } from '../../../src-main/ipc/renderer-contract';
import type { ChartKeyItem } from '../chart-key';
import { baseGrid, chartColors, weekAxis } from './chart-theme';

/** The weekly ROI chart's key: its bars are coloured by sign, and a week without bets has none. */
export const WEEKLY_ROI_KEY: readonly ChartKeyItem[] = [
  { explains: `color:${chartColors.gain}`, swatch: 'bar-gain', label: 'week in profit (profit ÷ staked that week)' },
  { explains: `color:${chartColors.loss}`, swatch: 'bar-loss', label: 'week at a loss' },
  { explains: 'gap:Weekly ROI', swatch: 'bar-none', label: 'no bar: no bets that week' },
];

/** Each week's ROI in percent; weeks without a stake have no bar (not a zero bar). */
export function weeklyRoiOption(weeks: readonly WeeklyPerformanceRow[]): EChartsOption {
  return {
    animation: false,
    grid: baseGrid,
    tooltip: { renderMode: 'richText', trigger: 'axis', valueFormatter: (value) => (typeof value === 'number' ? `${value.toFixed(1)}%` : 'no bets') },
    xAxis: weekAxis(weeks.map((w) => w.week)),
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' }, splitLine: { lineStyle: { color: chartColors.grid } } },
    series: [
      {
        name: 'Weekly ROI',
        type: 'bar',
        data: weeks.map((w) =>
          w.roi === null ? null : { value: Math.round(w.roi * 1000) / 10, itemStyle: { color: w.roi >= 0 ? chartColors.gain : chartColors.loss } },
        ),
      },
    ],
  };
}
