import type { EChartsOption } from 'echarts';
import type { WeeklyPerformanceRow } from '../../../src-main/ipc/renderer-contract';
import { baseGrid, chartColors, weekAxis } from './chart-theme';

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
