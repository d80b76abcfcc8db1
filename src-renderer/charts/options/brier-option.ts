import type { EChartsOption } from 'echarts';
import type { WeeklyPerformanceRow } from '../../../src-main/ipc/renderer-contract';
import { baseGrid, chartColors, weekAxis } from './chart-theme';

/** Model vs market Brier: thin lines week by week, thick lines cumulative (lower is better). */
export function brierOption(weeks: readonly WeeklyPerformanceRow[]): EChartsOption {
  return {
    animation: false,
    grid: baseGrid,
    tooltip: { renderMode: 'richText', trigger: 'axis', valueFormatter: (value) => (typeof value === 'number' ? value.toFixed(4) : '—') },
    legend: { top: 0 },
    xAxis: weekAxis(weeks.map((w) => w.week), { boundaryGap: false }),
    yAxis: { type: 'value', scale: true, splitLine: { lineStyle: { color: chartColors.grid } } },
    series: [
      { name: 'Model (week)', type: 'line', data: weeks.map((w) => w.modelBrier), lineStyle: { width: 1, opacity: 0.5, color: chartColors.model }, itemStyle: { color: chartColors.model }, symbol: 'none' },
      { name: 'Market (week)', type: 'line', data: weeks.map((w) => w.marketBrier), lineStyle: { width: 1, opacity: 0.5, color: chartColors.market }, itemStyle: { color: chartColors.market }, symbol: 'none' },
      { name: 'Model (cumulative)', type: 'line', data: weeks.map((w) => w.cumulativeModelBrier), lineStyle: { width: 3, color: chartColors.model }, itemStyle: { color: chartColors.model }, symbol: 'none' },
      { name: 'Market (cumulative)', type: 'line', data: weeks.map((w) => w.cumulativeMarketBrier), lineStyle: { width: 3, color: chartColors.market }, itemStyle: { color: chartColors.market }, symbol: 'none' },
    ],
  };
}
