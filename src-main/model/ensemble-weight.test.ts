import { describe, expect, it } from 'vitest';
import { blendProbabilities, fitEnsembleWeight, FALLBACK_ENSEMBLE_WEIGHT } from './ensemble-weight';
import { DEFAULT_MODEL_CONFIG } from './outcome-model';
import { syntheticLeague } from './synthetic-league';

describe('blendProbabilities', () => {
  it('is the linear pool w * net + (1 - w) * Dixon-Coles', () => {
    // 0.25 * [0.6, 0.2, 0.2] + 0.75 * [0.4, 0.3, 0.3] = [0.45, 0.275, 0.275]
    const [h, d, a] = blendProbabilities([0.6, 0.2, 0.2], [0.4, 0.3, 0.3], 0.25);
    expect(h).toBeCloseTo(0.45, 15);
    expect(d).toBeCloseTo(0.275, 15);
    expect(a).toBeCloseTo(0.275, 15);
  });
});

describe('fitEnsembleWeight', () => {
  const league = syntheticLeague({ seed: 3, teams: 8, seasons: ['1920', '2021'], promotedPerSeason: 1 });
  const neverTrain = () => Promise.reject(new Error('the net must not be trained here'));

  it('uses the configured weight when one is set', async () => {
    const fit = await fitEnsembleWeight({ ...DEFAULT_MODEL_CONFIG, ensembleWeight: 0.3 }, league, '2021-08-03', neverTrain);
    expect(fit).toEqual({ weight: 0.3, fittedOn: [], matches: 0, logLossNet: null, logLossDixonColes: null, logLossBlend: null });
  });

  it('falls back to an even blend when no complete season has a year of history before it', async () => {
    const fit = await fitEnsembleWeight(DEFAULT_MODEL_CONFIG, league.filter((m) => m.season === '1920'), '2020-08-04', neverTrain);
    expect(fit.weight).toBe(FALLBACK_ENSEMBLE_WEIGHT);
    expect(fit.fittedOn).toEqual([]);
  });
});
