import type { EChartsOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import type { ChartKeyItem } from '../chart-key';
import { BANKROLL_KEY, bankrollOption } from './bankroll-option';
import { brierOption } from './brier-option';
import { CALIBRATION_KEY, calibrationOption } from './calibration-option';
import { valueBetsOption } from './value-bets-option';
import { WEEKLY_ROI_KEY, weeklyRoiOption } from './weekly-roi-option';
import { bankrollPoint, weekRow } from './test-factories';

interface SeriesLike {
  readonly name?: string;
  readonly data?: readonly unknown[];
  readonly lineStyle?: { readonly opacity?: number };
  readonly areaStyle?: unknown;
  readonly markLine?: { readonly data: readonly { readonly name: string }[] };
}

/**
 * What an option draws, in ChartKeyItem.explains terms: each visible series by name (a series whose
 * bars are coloured one by one, by its colours instead, and `gap:<name>` where it leaves a datum
 * out), and each vertical mark by its kind (the first word of its name). Stacking bases with an
 * invisible line and no area draw nothing.
 */
function drawnBy(option: EChartsOption): Set<string> {
  const drawn = new Set<string>();
  for (const series of option.series as SeriesLike[]) {
    if (series.lineStyle?.opacity === 0 && series.areaStyle === undefined) continue;
    const data = series.data ?? [];
    const colours = data.flatMap((d) => (typeof d === 'object' && d !== null && 'itemStyle' in d ? [(d as { itemStyle: { color: string } }).itemStyle.color] : []));
    if (colours.length > 0) for (const colour of colours) drawn.add(`color:${colour}`);
    else drawn.add(series.name!);
    if (data.some((d) => d === null)) drawn.add(`gap:${series.name!}`);
    for (const mark of series.markLine?.data ?? []) drawn.add(`mark:${mark.name.split(/[ :(]/)[0]!}`);
  }
  return drawn;
}

/** Series names the chart's own ECharts legend shows: its `data`, or every series when it lists none. */
function legendOf(option: EChartsOption): Set<string> {
  const legend = option.legend as { data?: string[] } | undefined;
  if (legend === undefined) return new Set();
  return new Set(legend.data ?? (option.series as SeriesLike[]).map((s) => s.name!));
}

function expectExplained(option: EChartsOption, key: readonly ChartKeyItem[]): void {
  const drawn = drawnBy(option);
  const explained = new Set([...legendOf(option), ...key.map((k) => k.explains)]);
  expect([...drawn].filter((d) => !explained.has(d))).toEqual([]);
  // ... and the key names nothing that is not on the chart (the data below draws every kind).
  expect(key.map((k) => k.explains).filter((e) => !drawn.has(e))).toEqual([]);
}

const weeks = [
  weekRow({ week: 1, roi: 0.12, betsPlaced: 3, valueBetsFound: 5 }),
  weekRow({ week: 2, roi: -0.4, betsPlaced: 2, valueBetsFound: 2 }),
  weekRow({ week: 3, roi: null }),
];

describe('every line, area, colour and mark on the dashboard charts is explained by a key or the legend', () => {
  it('bankroll: the band and its median, drawdown, static model, alerts and retrains', () => {
    const points = [
      bankrollPoint({ week: 1, bankrollCents: 1_050_000, staticModelBankrollCents: 1_000_000 }),
      bankrollPoint({ week: 2, bankrollCents: 990_000, peakCents: 1_050_000, staticModelBankrollCents: 1_010_000 }),
    ];
    const option = bankrollOption(
      points,
      [{ week: 2, kind: 'drawdown', message: 'Drawdown 21%' }],
      [{ week: 2, reason: 'scheduled', modelVersion: 2, challengerBrier: null, championBrier: null, matchesCompared: 0 }],
    );
    expect(drawnBy(option)).toEqual(new Set(['Expected p05–p95', 'Expected median', 'Drawdown', 'Static model', 'Bankroll', 'mark:Retrain', 'mark:Alert']));
    expectExplained(option, BANKROLL_KEY);
  });

  it('weekly ROI: a gain, a loss and a week without bets', () => {
    const option = weeklyRoiOption(weeks);
    expect(drawnBy(option).size).toBe(3);
    expectExplained(option, WEEKLY_ROI_KEY);
  });

  it('calibration: the diagonal and the model points', () => {
    expectExplained(calibrationOption([{ lower: 0.1, upper: 0.2, count: 40, meanForecast: 0.15, observedFrequency: 0.125 }]), CALIBRATION_KEY);
  });

  it('Brier and value bets: their own legends name every series', () => {
    expectExplained(brierOption(weeks), []);
    expectExplained(valueBetsOption(weeks), []);
  });

  it('finds what is left unexplained (the check can fail)', () => {
    const option = bankrollOption([bankrollPoint({ week: 1, bankrollCents: 1_000_000 })], [{ week: 1, kind: 'drawdown', message: 'x' }], []);
    const explained = new Set([...legendOf(option), ...BANKROLL_KEY.filter((k) => k.explains !== 'mark:Alert').map((k) => k.explains)]);
    expect([...drawnBy(option)].filter((d) => !explained.has(d))).toEqual(['mark:Alert']);
  });
});
