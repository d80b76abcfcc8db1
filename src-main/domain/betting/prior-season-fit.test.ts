import { describe, expect, it } from 'vitest';
import type { Outcome, Triple } from '../football/outcome';
import type { Match } from '../football/match';
import { calibrationBinTotals, rmsCalibrationError } from '../evaluation/calibration-error';
import { calibrationErrorBefore, fitOnPriorSeasons, needsPriorSeasonFit, priorFitSeasonsOf, priorSeasonFitNeedsModel, type PriorSeasonForecast } from './prior-season-fit';
import { poolProbabilities } from './logistic-pool';
import { marketConsensus } from './market-consensus';
import type { Strategy } from './strategy';

const kelly = (shrinkByCalibration: boolean): Strategy['staking'] => ({ kind: 'kelly', multiplier: 0.25, shrinkByCalibration });
const shrunk = (weight: number | null, shrink = false) => ({
  probabilitySource: { kind: 'model-shrunk-to-market' as const, reference: 'pinnacle' as const, weight, fittedOn: null },
  marginMethod: 'basic' as const,
  staking: kelly(shrink),
});

/** A match priced by Pinnacle at fair odds 1/p (basic margin removal gives p back exactly). */
function priced(id: string, market: Triple, result: Outcome, season = '2223'): PriorSeasonForecast['match'] {
  return { id, season, result, odds: { pinnacle: [1 / market[0], 1 / market[1], 1 / market[2]] } } as unknown as Pick<Match, 'id' | 'odds' | 'result' | 'season'>;
}

describe('priorFitSeasonsOf', () => {
  it('takes the last seasons that have enough seasons before them to fit a model on', () => {
    const training = ['1819', '1617', '1718', '1920', '2021'];
    expect(priorFitSeasonsOf(training, 3, 2)).toEqual(['1819', '1920', '2021']);
    expect(priorFitSeasonsOf(training, 5, 2)).toEqual(['1819', '1920', '2021']);
    expect(priorFitSeasonsOf(training, 2, 0)).toEqual(['1920', '2021']);
    expect(priorFitSeasonsOf(['2021'], 1, 1)).toEqual([]);
    expect(() => priorFitSeasonsOf(training, 0, 1)).toThrow('the number of seasons to fit on must be a whole number >= 1, got 0');
  });
});

describe('which strategies measure the seasons before the holdout', () => {
  it('is a fitted pool weight or calibration-shrunk Kelly, and only the consensus needs no model', () => {
    expect(needsPriorSeasonFit(shrunk(null))).toBe(true);
    expect(needsPriorSeasonFit(shrunk(0.2))).toBe(false);
    expect(needsPriorSeasonFit(shrunk(0.2, true))).toBe(true);
    expect(needsPriorSeasonFit({ probabilitySource: { kind: 'market-consensus', reference: 'pinnacle' }, staking: { kind: 'flat', stakeFraction: 0.01 } })).toBe(false);
    expect(priorSeasonFitNeedsModel({ probabilitySource: { kind: 'market-consensus', reference: 'pinnacle' } })).toBe(false);
    expect(priorSeasonFitNeedsModel({ probabilitySource: { kind: 'model' } })).toBe(true);
  });
});

describe('fitOnPriorSeasons', () => {
  const model: Triple = [0.6, 0.25, 0.15];
  const market: Triple = [0.45, 0.3, 0.25];

  it('fits weight 0 when the results follow the market exactly, and 1 when they follow the model', () => {
    // Results in exact proportion to a forecast make that forecast the maximum-likelihood pool: the
    // score d_y − E_w d sums to 0 at the weight whose pool equals those proportions.
    const follow = (p: Triple): PriorSeasonForecast[] => {
      const counts = p.map((x) => Math.round(x * 100));
      return (['H', 'D', 'A'] as const).flatMap((outcome, k) => Array.from({ length: counts[k]! }, (_, i) => ({ match: priced(`${outcome}${i}`, market, outcome), model })));
    };
    const towardMarket = fitOnPriorSeasons(['2223'], follow(market), shrunk(null));
    expect(towardMarket.poolWeight!.weight).toBeCloseTo(0, 6);
    expect(towardMarket.matches).toBe(100);
    const towardModel = fitOnPriorSeasons(['2223'], follow(model), shrunk(null));
    expect(towardModel.poolWeight!.weight).toBeCloseTo(1, 6);
    expect(towardModel.poolWeight!.unconstrainedWeight).toBeCloseTo(1, 6);
  });

  it('recovers a known weight: results drawn in proportion to the pool at w = 0.3', () => {
    const truth = poolProbabilities(model, market, 0.3);
    const counts = truth.map((x) => Math.round(x * 20_000));
    const forecasts = (['H', 'D', 'A'] as const).flatMap((outcome, k) => Array.from({ length: counts[k]! }, (_, i) => ({ match: priced(`${outcome}${i}`, market, outcome), model })));
    const fit = fitOnPriorSeasons(['2021', '2122'], forecasts, shrunk(null));
    expect(fit.poolWeight!.weight).toBeCloseTo(0.3, 3);
    expect(fit.seasons).toEqual(['2021', '2122']);
  });

  it('measures the calibration of the strategy\'s own forecasts at the fitted weight, and leaves the weight alone when it is fixed', () => {
    const forecasts: PriorSeasonForecast[] = Array.from({ length: 60 }, (_, i) => ({ match: priced(`m${i}`, market, i % 3 === 0 ? 'H' : i % 3 === 1 ? 'D' : 'A'), model }));
    const fixed = fitOnPriorSeasons(['2223'], forecasts, shrunk(0.5, true));
    expect(fixed.poolWeight).toBeNull();
    const pooled = forecasts.map((f) => poolProbabilities(model, marketConsensus(f.match, 'pinnacle', 'basic')!, 0.5));
    expect(fixed.calibration).toEqual(calibrationBinTotals(pooled, forecasts.map((f) => f.match.result)));
    expect(fixed.matches).toBe(60);
  });

  it('names what is missing', () => {
    expect(() => fitOnPriorSeasons([], [], shrunk(null))).toThrow('there is no season before the holdout to fit on');
    const unpriced = [{ match: { id: 'x', season: '2223', result: 'H', odds: {} } as unknown as PriorSeasonForecast['match'], model }];
    expect(() => fitOnPriorSeasons(['2122', '2223'], unpriced, shrunk(null))).toThrow('no match of 2122..2223 has both a model forecast and pinnacle pre-match prices to fit the pool weight on');
    expect(() => fitOnPriorSeasons(['2223'], unpriced, shrunk(0.5, true))).toThrow("the strategy prices no match of 2223 (it needs pinnacle pre-match prices; Pinnacle's start in 2012-13), so its calibration error cannot be measured; choose a later holdout or turn shrinkKellyByCalibration off");
  });
});

describe('calibrationErrorBefore', () => {
  it('adds the run\'s earlier weeks to the prior seasons\' bins, as if measured at once', () => {
    const prior: Triple[] = Array.from({ length: 40 }, () => [0.5, 0.3, 0.2]);
    const priorResults: Outcome[] = prior.map((_, i) => (i < 24 ? 'H' : i < 34 ? 'D' : 'A'));
    const earlier = Array.from({ length: 30 }, (_, i) => ({ probabilities: [0.5, 0.3, 0.2] as Triple, result: (i < 12 ? 'H' : i < 21 ? 'D' : 'A') as Outcome }));
    const expected = rmsCalibrationError([...prior, ...earlier.map((e) => e.probabilities)], [...priorResults, ...earlier.map((e) => e.result)]);
    expect(calibrationErrorBefore(calibrationBinTotals(prior, priorResults), earlier)).toBeCloseTo(expected, 14);
    expect(calibrationErrorBefore(calibrationBinTotals(prior, priorResults), [])).toBeCloseTo(rmsCalibrationError(prior, priorResults), 14);
  });
});
