import { describe, expect, it } from 'vitest';
import { judgeEdge } from '../domain/evaluation/verdict';
import { seasonReportText, type SeasonReportJson } from './season-report-text';

const verdict = judgeEdge({
  matches: 380, bets: 2, brierDifference: { mean: 0.01, lower: -0.002, upper: 0.02 }, clv: null, roi: 0.25, roiInterval: [-0.5, 1],
  bankroll: { finalCents: 1_005_000, p05Cents: 990_000, p50Cents: 1_000_000, p95Cents: 1_010_000 },
});

const report: SeasonReportJson = {
  run: 'E0 2324', verdict: { sentence: verdict.sentence, evidence: verdict.evidence },
  strategy: {
    name: 'Market consensus', marketInformed: true, probabilities: 'market-informed: Pinnacle pre-match prices made fair',
    price: 'The best pre-match price across the listed books.', staking: '0.25 × Kelly', closeForClv: 'Pinnacle close',
  },
  search: { configuration: 3, of: 4, pValue: 0.3, deflatedPValue: 1 - 0.7 ** 4, sentence: 'Configuration 3 of 4 tried on this season: one-sided p = 0.300 for ROI > 0, 0.760 deflated (Šidák) for 4 tries.' },
  weeks: 36, bets: 2, wins: 1, winRate: 0.5, staked: 200, profit: 50, roi: 0.25, roiCi: [-0.5, 1],
  startingBankroll: 10_000, finalBankroll: 10_050, growth: 0.005, maxDrawdown: 0.01, sharpe: 1.234, clv: null,
  model: { brier: 0.54, rps: 0.19, logLoss: 0.92 }, market: { brier: 0.53, rps: 0.18 },
  brierDifference: { mean: 0.01, lower: -0.002, upper: 0.02, significant: false },
  alerts: [{ week: 24, kind: 'drawdown', message: 'Bankroll is 23.9% below its peak (threshold 20%).' }],
  retrains: [{ week: 5, reason: 'scheduled', modelVersion: 2 }], riskOfRuin: 0.001,
  risk: {
    sharpe: { logReturn: -0.5, arithmetic: 0.25 },
    maxDrawdown: { betByBet: 0.03, betByBetCents: 30_000, weeklyClose: 0.01 },
    longestLosingRun: 4,
    roiIntervals: { resamples: 10_000, bets: [-0.5, 1], weekBlocks: { lower: -0.6, upper: 1.1, weeks: 2 } },
    edge: { pValue: 0.3, zScore: 0.5, betsNeeded: 22 },
    riskOfRuin: { own: 0.001, marketFairClose: 0.04 },
    fairCloseBandEnd: null,
  },
  encompassing: {
    matches: 380, modelSlope: { estimate: -0.3, lower: -0.8, upper: 0.1 }, marketSlope: { estimate: 1.3, lower: 0.9, upper: 1.7 }, modelAddsInformation: false,
    verdict: 'The model carries no information the market lacks that 380 matches can detect.',
  },
  dataFingerprint: '1564dd10c1d0bee5',
};

describe('seasonReportText', () => {
  it('prints the season as a bettor reads it, with CLV unavailable rather than zero', () => {
    expect(seasonReportText(report).split('\n')).toEqual([
      'Run: E0 2324 (36 weeks, data 1564dd10c1d0)',
      'Strategy: Market consensus; probabilities: market-informed: Pinnacle pre-match prices made fair; price: The best pre-match price across the listed books.; staking: 0.25 × Kelly',
      'Verdict: Too early to judge: 2 bets over 380 matches; a verdict needs at least 30 bets over 100 matches.',
      'Bets 2, won 1 (50.0%)',
      'Staked 200.00, profit 50.00, ROI 25.00% (95% CI -50.0% to 100.0%)',
      'Bankroll 10,000.00 -> 10,050.00 (0.50%), max drawdown 1.0%, Sharpe 1.23, risk of ruin 0.1%',
      'Sharpe (weekly log returns) -0.50 [arithmetic 0.25]; max drawdown bet by bet 3.0% [weekly close 1.0%]; longest losing run 4 bets; ROI 95% week-block interval -60.0% to 110.0% (10000 resamples); bets needed to confirm this edge 22; risk of ruin if the market\'s close is right 4.0%',
      'Closing-line value: unavailable (no closing odds in this season)',
      'Model  Brier 0.5400  RPS 0.1900  log loss 0.9200',
      'Market Brier 0.5300  RPS 0.1800',
      'Model - market Brier 0.0100 (95% CI -0.0020 to 0.0200): not significant',
      'Encompassing: The model carries no information the market lacks that 380 matches can detect.',
      'Search: Configuration 3 of 4 tried on this season: one-sided p = 0.300 for ROI > 0, 0.760 deflated (Šidák) for 4 tries.',
      'Retrains: week 5 (scheduled) -> v2',
      'Alerts:',
      '  week 24: Bankroll is 23.9% below its peak (threshold 20%).',
    ]);
  });

  it('names the close its CLV was measured against', () => {
    const text = seasonReportText({ ...report, clv: { mean: 0.021, beatCloseShare: 0.6, close: 'Pinnacle close' } });
    expect(text).toContain('Closing-line value: 2.10% mean, 60.0% of bets beat the close (Pinnacle close)');
  });

  it('says there is no edge to confirm when ROI is not positive', () => {
    const text = seasonReportText({ ...report, risk: { ...report.risk, edge: { pValue: 0.7, zScore: -0.5, betsNeeded: null } } });
    expect(text).toContain('bets needed to confirm this edge none (no edge to confirm)');
  });

  it('says none when nothing was retrained or alerted', () => {
    const text = seasonReportText({ ...report, alerts: [], retrains: [] });
    expect(text).toContain('Retrains: none');
    expect(text.endsWith('Alerts: none')).toBe(true);
  });
});
