import type { EChartsOption } from 'echarts';
import type { CalibrationBin } from '../../../src-main/ipc/renderer-contract';
import type { ChartKeyItem } from '../chart-key';
import { baseGrid, chartColors } from './chart-theme';

/** The calibration chart's key: the diagonal, and what a point and its size stand for. */
export const CALIBRATION_KEY: readonly ChartKeyItem[] = [
  { explains: 'Perfect calibration', swatch: 'line-diagonal', label: 'perfect calibration: outcomes happen as often as forecast' },
  { explains: 'Model', swatch: 'dot-model', label: "model: its mean forecast and the outcomes' observed share in one probability bin; bigger points hold more forecasts" },
];

/** Reliability diagram: mean forecast vs observed frequency per bin, against the diagonal; point size grows with the bin's count. */
export function calibrationOption(bins: readonly CalibrationBin[]): EChartsOption {
  const filled = bins.filter((b) => b.count > 0);
  const largest = Math.max(1, ...filled.map((b) => b.count));
  return {
    animation: false,
    grid: baseGrid,
    tooltip: { renderMode: 'richText', trigger: 'item' },
    xAxis: { type: 'value', min: 0, max: 1, name: 'Forecast probability', nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'value', min: 0, max: 1, name: 'Observed', splitLine: { lineStyle: { color: chartColors.grid } } },
    series: [
      { name: 'Perfect calibration', type: 'line', data: [[0, 0], [1, 1]], lineStyle: { type: 'dashed', color: chartColors.staticModel }, symbol: 'none', silent: true },
      {
        name: 'Model',
        type: 'line',
        data: filled.map((b) => [b.meanForecast, b.observedFrequency, b.count]),
        symbolSize: (value: number[]) => 6 + 14 * Math.sqrt((value[2] ?? 0) / largest),
        lineStyle: { color: chartColors.model },
        itemStyle: { color: chartColors.model },
      },
    ],
  };
}
