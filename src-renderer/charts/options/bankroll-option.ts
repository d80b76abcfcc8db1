import type { EChartsOption } from 'echarts';
import type { AlertView, BankrollPoint, RetrainView } from '../../../src-main/season/season-views';
import { baseGrid, centsToPounds, chartColors } from './chart-theme';

/**
 * Bankroll by week with: the drawdown from the running peak shaded above the line, the Monte
 * Carlo p05-p95 band of where a correct model would be, the never-retrained model's bankroll,
 * and vertical marks for alerts and retrains.
 */
export function bankrollOption(points: readonly BankrollPoint[], alerts: readonly AlertView[], retrains: readonly RetrainView[]): EChartsOption {
  const weeks = points.map((p) => String(p.week));
  const hasStatic = points.some((p) => p.staticModelBankrollCents !== null);
  const marks = [
    ...retrains.filter((r) => r.reason !== 'initial').map((r) => ({ xAxis: String(r.week), name: `Retrain (${r.reason})`, lineStyle: { color: chartColors.retrain } })),
    ...alerts.map((a) => ({ xAxis: String(a.week), name: `Alert: ${a.kind}`, lineStyle: { color: chartColors.alert } })),
  ];
  return {
    animation: false,
    grid: baseGrid,
    tooltip: { trigger: 'axis', valueFormatter: (value) => (typeof value === 'number' ? `£${value.toFixed(2)}` : String(value)) },
    legend: { top: 0, data: ['Bankroll', 'Expected p05–p95', 'Drawdown', ...(hasStatic ? ['Static model'] : [])] },
    xAxis: { type: 'category', data: weeks, name: 'Week', nameLocation: 'middle', nameGap: 26, boundaryGap: false },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: '£{value}' }, splitLine: { lineStyle: { color: chartColors.grid } } },
    series: [
      { name: 'band-base', type: 'line', data: points.map((p) => centsToPounds(p.expectedP05Cents)), stack: 'band', lineStyle: { opacity: 0 }, symbol: 'none', tooltip: { show: false }, silent: true },
      {
        name: 'Expected p05–p95',
        type: 'line',
        data: points.map((p) => centsToPounds(p.expectedP95Cents - p.expectedP05Cents)),
        stack: 'band',
        lineStyle: { opacity: 0 },
        symbol: 'none',
        areaStyle: { color: chartColors.band },
        itemStyle: { color: chartColors.band },
        tooltip: { show: false },
      },
      { name: 'dd-base', type: 'line', data: points.map((p) => centsToPounds(p.bankrollCents)), stack: 'drawdown', lineStyle: { opacity: 0 }, symbol: 'none', tooltip: { show: false }, silent: true },
      {
        name: 'Drawdown',
        type: 'line',
        data: points.map((p) => centsToPounds(p.peakCents - p.bankrollCents)),
        stack: 'drawdown',
        lineStyle: { opacity: 0 },
        symbol: 'none',
        areaStyle: { color: chartColors.drawdown },
        itemStyle: { color: chartColors.drawdown },
        tooltip: { show: false },
      },
      ...(hasStatic
        ? [{ name: 'Static model', type: 'line' as const, data: points.map((p) => (p.staticModelBankrollCents === null ? null : centsToPounds(p.staticModelBankrollCents))), lineStyle: { type: 'dashed' as const, color: chartColors.staticModel }, itemStyle: { color: chartColors.staticModel }, symbol: 'none' }]
        : []),
      {
        name: 'Bankroll',
        type: 'line',
        data: points.map((p) => centsToPounds(p.bankrollCents)),
        lineStyle: { width: 2.5, color: chartColors.bankroll },
        itemStyle: { color: chartColors.bankroll },
        symbolSize: 4,
        markLine: marks.length === 0 ? undefined : { symbol: 'none', label: { show: false }, data: marks },
      },
    ],
  };
}
