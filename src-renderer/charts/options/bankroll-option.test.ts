import { describe, expect, it } from 'vitest';
import { bankrollAxisScale, bankrollOption, bankrollTooltip } from './bankroll-option';
import { bankrollPoint } from './test-factories';

type Series = { name: string; data: unknown[]; markLine?: { data: { xAxis: string; name: string }[] } };

function seriesOf(option: ReturnType<typeof bankrollOption>): Series[] {
  return option.series as Series[];
}

describe('bankrollOption', () => {
  const points = [
    bankrollPoint({ week: 1, bankrollCents: 1_050_000 }),
    // peak stays 10,500.00 while the bankroll falls to 9,975.00: drawdown shading 525.00 pounds
    bankrollPoint({ week: 2, bankrollCents: 997_500, peakCents: 1_050_000, expectedP05Cents: 880_000, expectedP95Cents: 1_150_000 }),
  ];

  it('plots the bankroll in pounds', () => {
    const bankroll = seriesOf(bankrollOption(points, [], [])).find((s) => s.name === 'Bankroll');
    expect(bankroll?.data).toEqual([10_500, 9_975]);
  });

  it('shades the gap between the running peak and the bankroll, stacked on the bankroll', () => {
    const series = seriesOf(bankrollOption(points, [], []));
    expect(series.find((s) => s.name === 'dd-base')?.data).toEqual([10_500, 9_975]);
    expect(series.find((s) => s.name === 'Drawdown')?.data).toEqual([0, 525]);
  });

  it('draws the p05-p95 band as a base plus the band width', () => {
    const series = seriesOf(bankrollOption(points, [], []));
    expect(series.find((s) => s.name === 'band-base')?.data).toEqual([9_000, 8_800]);
    // week 2: 11,500 - 8,800 = 2,700 pounds wide
    expect(series.find((s) => s.name === 'Expected p05–p95')?.data).toEqual([2_000, 2_700]);
  });

  it('adds the static-model line only when it was computed', () => {
    expect(seriesOf(bankrollOption(points, [], [])).some((s) => s.name === 'Static model')).toBe(false);
    const withStatic = points.map((p, i) => ({ ...p, staticModelBankrollCents: 1_000_000 + i * 100 }));
    expect(seriesOf(bankrollOption(withStatic, [], [])).find((s) => s.name === 'Static model')?.data).toEqual([10_000, 10_001]);
  });

  it('marks alerts and non-initial retrains on their weeks', () => {
    const option = bankrollOption(
      points,
      [{ week: 2, kind: 'drawdown', message: 'Drawdown 21%' }],
      [
        { week: 1, reason: 'initial', modelVersion: 1, challengerBrier: null, championBrier: null, matchesCompared: 0 },
        { week: 2, reason: 'scheduled', modelVersion: 2, challengerBrier: null, championBrier: null, matchesCompared: 0 },
      ],
    );
    const marks = seriesOf(option).find((s) => s.name === 'Bankroll')?.markLine?.data.map((m) => [m.xAxis, m.name]);
    expect(marks).toEqual([
      ['Week 2', 'Retrain (scheduled)'],
      ['Week 2', 'Alert: drawdown'],
    ]);
  });
});

describe('bankrollAxisScale', () => {
  it('leaves 20% headroom over the highest real value and ends on a round step', () => {
    // highest: peak 10,500.00 pounds; x 1.2 = 12,600; /5 = 2,520 -> step 2,500 is too small, 5,000; 3 steps = 15,000
    expect(bankrollAxisScale([bankrollPoint({ week: 1, bankrollCents: 1_000_000, peakCents: 1_050_000 })])).toEqual({ max: 15_000, interval: 5_000 });
    // highest: 32,000.00; x 1.2 = 38,400; /5 = 7,680 -> step 10,000; 4 steps = 40,000
    expect(bankrollAxisScale([bankrollPoint({ week: 1, bankrollCents: 3_200_000 })])).toEqual({ max: 40_000, interval: 10_000 });
  });

  it('always contains the whole expected band', () => {
    // p95 100,000.00 pounds is above 1.2 x the real 10,000.00: target 100,000; /5 = 20,000 -> step 20,000; 5 steps = 100,000
    const point = bankrollPoint({ week: 1, bankrollCents: 1_000_000, expectedP95Cents: 10_000_000 });
    expect(bankrollAxisScale([point])).toEqual({ max: 100_000, interval: 20_000 });
    // p95 13,000.00 just above 1.2 x 10,000: target 13,000; /5 = 2,600 -> step 5,000; 3 steps = 15,000
    expect(bankrollAxisScale([bankrollPoint({ week: 1, bankrollCents: 1_000_000, expectedP95Cents: 1_300_000 })])).toEqual({ max: 15_000, interval: 5_000 });
  });
});

describe('the band median and the tooltip', () => {
  const point = bankrollPoint({ week: 7, bankrollCents: 997_500, peakCents: 1_050_000, drawdown: 0.05, expectedP05Cents: 880_000, expectedP50Cents: 1_010_000, expectedP95Cents: 1_150_000 });

  it('draws the median of the expected band', () => {
    expect(seriesOf(bankrollOption([point], [], [])).find((s) => s.name === 'Expected median')?.data).toEqual([10_100]);
  });

  it('names the week and shows the band in the tooltip', () => {
    expect(bankrollTooltip(point).split('\n')).toEqual(['Week 7', 'Bankroll £9,975.00', 'Expected band £8,800.00 – £11,500.00 (median £10,100.00)', 'Drawdown 5.0%']);
    const tooltip = bankrollOption([point], [], []).tooltip as { formatter: (params: unknown) => string };
    expect(tooltip.formatter([{ dataIndex: 0 }])).toBe(bankrollTooltip(point));
  });
});
