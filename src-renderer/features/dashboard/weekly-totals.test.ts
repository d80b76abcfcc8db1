import { describe, expect, it } from 'vitest';
import { weekRow } from '../../charts/options/test-factories';
import { weeklyTotals } from './weekly-totals';

describe('weeklyTotals', () => {
  it('sums the counts and money, takes ROI of the sums, the latest bankroll and scores, and the worst drawdown', () => {
    const weeks = [
      weekRow({ week: 2, matches: 10, valueBetsFound: 4, betsPlaced: 3, wins: 1, stakedCents: 30_000, profitCents: -12_000, bankrollEndCents: 988_000, cumulativeModelBrier: 0.59, cumulativeMarketBrier: 0.57, drawdown: 0.02 }),
      weekRow({ week: 1, matches: 9, valueBetsFound: 2, betsPlaced: 2, wins: 2, stakedCents: 20_000, profitCents: 7_000, bankrollEndCents: 1_007_000, drawdown: 0 }),
    ];
    // staked 500.00, profit -50.00: ROI -10.0%
    expect(weeklyTotals(weeks, -0.0312)).toEqual({
      week: 'Total',
      matches: '19',
      valueBetsFound: '6',
      betsPlaced: '5',
      wins: '3',
      stakedCents: '£500.00',
      profitCents: '\u2212£50.00',
      roi: '\u221210.0%',
      bankrollEndCents: '£9,880.00',
      modelBrier: '0.5900',
      marketBrier: '0.5700',
      drawdown: '2.0%',
      meanClv: '\u22123.1%',
    });
  });

  it('shows dashes where nothing can be computed', () => {
    const totals = weeklyTotals([], null);
    expect([totals.roi, totals.bankrollEndCents, totals.drawdown, totals.meanClv]).toEqual(['\u2014', '—', '\u2014', '\u2014']);
  });
});
