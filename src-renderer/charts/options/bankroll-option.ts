import type { EChartsOption } from 'echarts';
import type { AlertView, BankrollPoint, RetrainView } from '../../../src-main/ipc/renderer-contract';
import { formatMoney } from '../../format/money';
import { formatPercent } from '../../format/percent';
import type { ChartKeyItem } from '../chart-key';
import { baseGrid, centsToPounds, chartColors, weekAxis, weekCategory } from './chart-theme';

/** The tooltip of one week: its number, the bankroll, the expected band with its median, the static model and drawdown. */
export function bankrollTooltip(point: BankrollPoint): string {
  return [
    `Week ${point.week}`,
    `Bankroll ${formatMoney(point.bankrollCents)}`,
    `Expected band ${formatMoney(point.expectedP05Cents)} – ${formatMoney(point.expectedP95Cents)} (median ${formatMoney(point.expectedP50Cents)})`,
    ...(point.staticModelBankrollCents === null ? [] : [`Static model ${formatMoney(point.staticModelBankrollCents)}`]),
    `Drawdown ${formatPercent(point.drawdown)}`,
  ].join('\n');
}

/** The bankroll chart's key (its ECharts legend toggles the series; this says what each means). */
export const BANKROLL_KEY: readonly ChartKeyItem[] = [
  { explains: 'Bankroll', swatch: 'line-bankroll', label: 'bankroll after each week' },
  { explains: 'Expected p05–p95', swatch: 'band', label: "expected band: 90% of seasons if the model's probabilities were right" },
  { explains: 'Expected median', swatch: 'line-median', label: 'median of the expected band' },
  { explains: 'Static model', swatch: 'line-static', label: 'static model (never retrained)' },
  { explains: 'Drawdown', swatch: 'area-drawdown', label: 'drawdown from the running peak' },
  { explains: 'mark:Alert', swatch: 'mark-alert', label: 'alert' },
  { explains: 'mark:Retrain', swatch: 'mark-retrain', label: 'retrain' },
];

/**
 * Bankroll by week with: the drawdown from the running peak shaded above the line, the Monte
 * Carlo p05-p95 band of where a correct model would be, the never-retrained model's bankroll,
 * and vertical marks for alerts and retrains.
 */
export function bankrollOption(points: readonly BankrollPoint[], alerts: readonly AlertView[], retrains: readonly RetrainView[]): EChartsOption {
  const hasStatic = points.some((p) => p.staticModelBankrollCents !== null);
  const marks = [
    ...retrains.filter((r) => r.reason !== 'initial').map((r) => ({ xAxis: weekCategory(r.week), name: `Retrain (${r.reason})`, lineStyle: { color: chartColors.retrain, opacity: 0.5 } })),
    ...alerts.map((a) => ({ xAxis: weekCategory(a.week), name: `Alert: ${a.kind}`, lineStyle: { color: chartColors.alert, opacity: 0.5 } })),
  ];
  return {
    animation: false,
    grid: baseGrid,
    tooltip: {
      renderMode: 'richText',
      trigger: 'axis',
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        const point = first === undefined ? undefined : points[first.dataIndex];
        return point === undefined ? '' : bankrollTooltip(point);
      },
    },
    legend: { top: 0, data: ['Bankroll', 'Expected p05–p95', 'Expected median', 'Drawdown', ...(hasStatic ? ['Static model'] : [])] },
    xAxis: weekAxis(points.map((p) => p.week), { boundaryGap: false }),
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
      {
        name: 'Expected median',
        type: 'line',
        data: points.map((p) => centsToPounds(p.expectedP50Cents)),
        lineStyle: { type: 'dashed', width: 1.5, color: chartColors.bandMedian },
        itemStyle: { color: chartColors.bandMedian },
        symbol: 'none',
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
        ? [{ name: 'Static model', type: 'line' as const, data: points.map((p) => (p.staticModelBankrollCents === null ? null : centsToPounds(p.staticModelBankrollCents))), lineStyle: { type: 'dotted' as const, width: 2, color: chartColors.staticModel }, itemStyle: { color: chartColors.staticModel }, symbol: 'none' }]
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
 * Axis top and tick step for the bankroll chart: the whole expected band always fits (an
 * overconfident model's p95 far above the real path is itself the finding), with 20% headroom
 * over the real values (bankroll, peak, static model), rounded up to a whole number of "nice"
 * steps (1, 2, 2.5 or 5 x 10^k, about five of them) so the top tick is a round amount.
 */
export function bankrollAxisScale(points: readonly BankrollPoint[]): { max: number; interval: number } {
  const highestReal = Math.max(1, ...points.flatMap((p) => [p.bankrollCents, p.peakCents, p.expectedP50Cents, p.staticModelBankrollCents ?? 0])) / 100;
  const highestBand = Math.max(0, ...points.map((p) => p.expectedP95Cents)) / 100;
  const target = Math.max(highestReal * 1.2, highestBand);
  const rough = target / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const interval = ([1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((step) => step >= rough) ?? 10 * magnitude);
  return { max: Math.ceil(target / interval) * interval, interval };
}
