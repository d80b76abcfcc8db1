import { describe, expect, it } from 'vitest';
import { bandPosition, closingLineSignal, forecastSignal, judgeEdge, returnSignal, type VerdictInput } from './verdict';

/** A full season's figures with no signal anywhere; each case changes what it is about. */
function season(overrides: Partial<VerdictInput> = {}): VerdictInput {
  return {
    matches: 380,
    bets: 150,
    brierDifference: { mean: 0.001, lower: -0.004, upper: 0.006 },
    clv: { mean: 0.002, beatCloseShare: 0.5, bets: 150 },
    roi: 0.01,
    roiInterval: [-0.12, 0.14],
    bankroll: { finalCents: 1_010_000, p05Cents: 800_000, p50Cents: 1_050_000, p95Cents: 1_300_000 },
    ...overrides,
  };
}

const modelBetter = { mean: -0.006, lower: -0.01, upper: -0.002 };
const marketBetter = { mean: 0.008, lower: 0.003, upper: 0.013 };

describe('the signals', () => {
  it('reads the Brier difference interval: wholly below zero = model better, wholly above = market better, across zero = level', () => {
    expect(forecastSignal(modelBetter)).toBe('model-better');
    expect(forecastSignal(marketBetter)).toBe('market-better');
    expect(forecastSignal({ mean: 0, lower: -0.001, upper: 0.001 })).toBe('level');
    // An interval that touches zero is not evidence.
    expect(forecastSignal({ mean: -0.002, lower: -0.004, upper: 0 })).toBe('level');
    expect(forecastSignal(null)).toBe('unavailable');
  });

  it('needs a positive mean CLV and more than half the bets beating the close to call it beating the close', () => {
    expect(closingLineSignal({ mean: 0.02, beatCloseShare: 0.56, bets: 40 })).toBe('beat-close');
    expect(closingLineSignal({ mean: -0.035, beatCloseShare: 0.38, bets: 40 })).toBe('lost-to-close');
    // One long shot lifting the mean while most prices were worse than the close.
    expect(closingLineSignal({ mean: 0.01, beatCloseShare: 0.4, bets: 40 })).toBe('level');
    expect(closingLineSignal({ mean: -0.01, beatCloseShare: 0.5, bets: 40 })).toBe('level');
    expect(closingLineSignal(null)).toBe('unavailable');
    expect(closingLineSignal({ mean: 0, beatCloseShare: 0, bets: 0 })).toBe('unavailable');
  });

  it('reads the ROI interval and the bankroll against the expected band', () => {
    expect(returnSignal([0.01, 0.2])).toBe('profit-beyond-luck');
    expect(returnSignal([-0.2, -0.01])).toBe('loss-beyond-luck');
    expect(returnSignal([-0.1, 0.1])).toBe('within-luck');
    expect(returnSignal(null)).toBe('unavailable');
    const band = { p05Cents: 900, p50Cents: 1000, p95Cents: 1100 };
    expect(bandPosition({ finalCents: 899, ...band })).toBe('below');
    expect(bandPosition({ finalCents: 900, ...band })).toBe('inside');
    expect(bandPosition({ finalCents: 1100, ...band })).toBe('inside');
    expect(bandPosition({ finalCents: 1101, ...band })).toBe('above');
    expect(bandPosition(null)).toBe('unavailable');
  });
});

describe('judgeEdge', () => {
  it('says no evidence of an edge when the market priced better and the bets lost to the close (the 2023-24 baseline)', () => {
    const verdict = judgeEdge(
      season({
        brierDifference: marketBetter,
        clv: { mean: -0.035, beatCloseShare: 0.31, bets: 150 },
        roi: -0.08,
        roiInterval: [-0.2, 0.05],
      }),
    );
    expect(verdict.kind).toBe('no-edge');
    expect(verdict.sentence).toBe(
      'No evidence of an edge: the market priced these matches better than the model, and the bets lost to the closing line; the ROI interval spans zero, so the profit or loss so far could be luck.',
    );
    expect(verdict.evidence).toMatchObject({ forecasts: 'market-better', closingLine: 'lost-to-close', returns: 'within-luck', bankrollPosition: 'inside' });
  });

  it('says evidence of an edge when the model forecast better and the bets beat the close', () => {
    const verdict = judgeEdge(season({ brierDifference: modelBetter, clv: { mean: 0.025, beatCloseShare: 0.61, bets: 150 }, roiInterval: [0.01, 0.2] }));
    expect(verdict.kind).toBe('edge');
    expect(verdict.sentence).toBe(
      'Evidence of an edge: the model priced these matches better than the market, and the bets beat the closing line; the profit is larger than luck alone explains.',
    );
  });

  it('counts beating the close alone as evidence of an edge even when the forecasts are level', () => {
    const verdict = judgeEdge(season({ clv: { mean: 0.02, beatCloseShare: 0.58, bets: 150 } }));
    expect(verdict.kind).toBe('edge');
    expect(verdict.sentence).toContain('model and market priced these matches about equally well');
  });

  it('never calls a profit an edge when neither forecasts nor closing line support it', () => {
    const verdict = judgeEdge(season({ roi: 0.15, roiInterval: [0.02, 0.3] }));
    expect(verdict.kind).toBe('mixed');
    expect(verdict.sentence.startsWith('Mixed evidence: ')).toBe(true);
  });

  it('is mixed when the two pieces of evidence disagree', () => {
    const verdict = judgeEdge(season({ brierDifference: modelBetter, clv: { mean: -0.03, beatCloseShare: 0.35, bets: 150 } }));
    expect(verdict.kind).toBe('mixed');
  });

  it('is mixed when an apparent edge comes with a loss larger than bad luck explains', () => {
    expect(judgeEdge(season({ brierDifference: modelBetter, roiInterval: [-0.3, -0.02] })).kind).toBe('mixed');
  });

  it('says no evidence of an edge when nothing stands out (absence of evidence is still no evidence)', () => {
    const verdict = judgeEdge(season());
    expect(verdict.kind).toBe('no-edge');
    expect(verdict.sentence).toBe(
      'No evidence of an edge: model and market priced these matches about equally well (the difference is within noise), and the bets were level with the closing line; the ROI interval spans zero, so the profit or loss so far could be luck.',
    );
  });

  it('names a bankroll outside the expected band and what it means', () => {
    const below = judgeEdge(season({ bankroll: { finalCents: 700_000, p05Cents: 800_000, p50Cents: 1_050_000, p95Cents: 1_300_000 } }));
    expect(below.sentence).toContain("the bankroll finished below the band the model's own probabilities expected, so the model was overconfident.");
    const above = judgeEdge(season({ bankroll: { finalCents: 1_400_000, p05Cents: 800_000, p50Cents: 1_050_000, p95Cents: 1_300_000 } }));
    expect(above.evidence.bankrollPosition).toBe('above');
  });

  it('says when closing odds or market prices are missing instead of judging on them', () => {
    const verdict = judgeEdge(season({ brierDifference: null, clv: null }));
    expect(verdict.kind).toBe('no-edge');
    expect(verdict.sentence).toContain('there were no market prices to score the model against, and closing odds were unavailable');
  });

  it('is too early below 30 bets or 100 matches, and says what it has', () => {
    expect(judgeEdge(season({ matches: 30, bets: 12, brierDifference: modelBetter })).sentence).toBe(
      'Too early to judge: 12 bets over 30 matches; a verdict needs at least 30 bets over 100 matches.',
    );
    expect(judgeEdge(season({ bets: 29 })).kind).toBe('too-early');
    expect(judgeEdge(season({ matches: 99 })).kind).toBe('too-early');
    expect(judgeEdge(season({ matches: 1, bets: 1 })).sentence).toBe('Too early to judge: 1 bet over 1 match; a verdict needs at least 30 bets over 100 matches.');
  });

  it('carries the figures it used in the evidence', () => {
    const input = season({ brierDifference: modelBetter });
    const { evidence } = judgeEdge(input);
    expect(evidence).toEqual({ ...input, forecasts: 'model-better', closingLine: 'level', returns: 'within-luck', bankrollPosition: 'inside' });
  });
});
