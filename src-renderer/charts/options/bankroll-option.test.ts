import { describe, expect, it } from 'vitest';
import { bankrollAxisScale, bankrollOption } from './bankroll-option';
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
      ['2', 'Retrain (scheduled)'],
      ['2', 'Alert: drawdown'],
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

  it('ignores the top of the expected band', () => {
    // highest real value 10,000.00 (bankroll and median); x 1.2 = 12,000; /5 = 2,400 -> step 2,500; 5 steps = 12,500
    const point = bankrollPoint({ week: 1, bankrollCents: 1_000_000, expectedP95Cents: 10_000_000 });
    expect(bankrollAxisScale([point])).toEqual({ max: 12_500, interval: 2_500 });
  });
});
