import { describe, expect, it } from 'vitest';
import type { ScoreComparison } from '../../../src-main/ipc/renderer-contract';
import { brierSentence } from './brier-sentence';

const base: ScoreComparison = {
  matches: 380,
  modelBrier: 0.5434,
  marketBrier: 0.5331,
  modelRps: 0.1885,
  marketRps: 0.1839,
  modelLogLoss: 0.95,
  brierDifference: { mean: 0.0103, lower: 0.0031, upper: 0.0178, significant: true },
};

describe('brierSentence', () => {
  it('says the market is significantly better when the whole interval is above zero', () => {
    // 0.5434 - 0.5331 = +0.0103
    expect(brierSentence(base)).toBe(
      'The market scored better than the model over 380 matches (Brier 0.5434 vs 0.5331, lower is better; model − market +0.0103, 95% interval +0.0031 to +0.0178): the difference is significant (the interval excludes zero).',
    );
  });

  it('calls a model advantage whose interval spans zero noise', () => {
    const sentence = brierSentence({ ...base, modelBrier: 0.53, brierDifference: { mean: -0.0031, lower: -0.009, upper: 0.0025, significant: false } });
    expect(sentence).toBe(
      'The model scored better than the market over 380 matches (Brier 0.5300 vs 0.5331, lower is better; model − market \u22120.0031, 95% interval \u22120.0090 to +0.0025): the difference is not significant (the interval includes zero), so it may be noise.',
    );
  });

  it('says so when there are no market prices or no matches yet', () => {
    expect(brierSentence({ ...base, marketBrier: null, brierDifference: null })).toBe('Model Brier 0.5434 over 380 matches; the market had no prices to compare with.');
    expect(brierSentence({ ...base, matches: 0 })).toBe('No matches have been played yet.');
  });
});
