import type { EChartsOption } from 'echarts';
import type { AlertView, BankrollPoint, RetrainView } from '../../../src-main/ipc/renderer-contract';
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
    ...retrains.filter((r) => r.reason !== 'initial').map((r) => ({ xAxis: String(r.week), name: `Retrain (${r.reason})`, lineStyle: { color: chartColors.retrain, opacity: 0.5 } })),
    ...alerts.map((a) => ({ xAxis: String(a.week), name: `Alert: ${a.kind}`, lineStyle: { color: chartColors.alert, opacity: 0.5 } })),
  ];
  return {
    animation: false,
    grid: baseGrid,
    tooltip: { renderMode: 'richText', trigger: 'axis', valueFormatter: (value) => (typeof value === 'number' ? `£${value.toFixed(2)}` : String(value)) },
    legend: { top: 0, data: ['Bankroll', 'Expected p05–p95', 'Drawdown', ...(hasStatic ? ['Static model'] : [])] },
    xAxis: { type: 'category', data: weeks, name: 'Week', nameLocation: 'middle', nameGap: 26, boundaryGap: false },
    // The p95 of an overconfident model can run far above anything real; the axis follows the
    // bankroll, its peak, the static model and the median band, and lets the band's top clip.
    yAxis: { type: 'value', min: 0, ...bankrollAxisScale(points), axisLabel: { formatter: '£{value}' }, splitLine: { lineStyle: { color: chartColors.grid } } },
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

/**
 * Axis top and tick step for the bankroll chart: 1.2 x the highest real value (bankroll, peak,
 * static model, band median), rounded up to a whole number of "nice" steps (1, 2, 2.5 or 5 x 10^k,
 * about five of them) so the top tick is a round amount.
 */
export function bankrollAxisScale(points: readonly BankrollPoint[]): { max: number; interval: number } {
  const highest = Math.max(1, ...points.flatMap((p) => [p.bankrollCents, p.peakCents, p.expectedP50Cents, p.staticModelBankrollCents ?? 0])) / 100;
  const target = highest * 1.2;
  const rough = target / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const interval = ([1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((step) => step >= rough) ?? 10 * magnitude);
  return { max: Math.ceil(target / interval) * interval, interval };
}
