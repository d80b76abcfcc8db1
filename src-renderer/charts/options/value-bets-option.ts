import type { EChartsOption } from 'echarts';
import type { WeeklyPerformanceRow } from '../../../src-main/ipc/renderer-contract';
import { baseGrid, chartColors, weekAxis } from './chart-theme';

/** Value bets the model found each week next to the ones the staking rules let through. */
export function valueBetsOption(weeks: readonly WeeklyPerformanceRow[]): EChartsOption {
  return {
    animation: false,
    grid: baseGrid,
    tooltip: { renderMode: 'richText', trigger: 'axis' },
    legend: { top: 0 },
    xAxis: weekAxis(weeks.map((w) => w.week)),
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: chartColors.grid } } },
    series: [
      { name: 'Found', type: 'bar', data: weeks.map((w) => w.valueBetsFound), itemStyle: { color: chartColors.found } },
      { name: 'Placed', type: 'bar', data: weeks.map((w) => w.betsPlaced), itemStyle: { color: chartColors.placed } },
    ],
  };
}
