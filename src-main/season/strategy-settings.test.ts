import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIOR_FIT_SEASONS, NAMED_STRATEGIES, NAMED_STRATEGY_IDS, assertStrategy, probabilityLabelOf } from '../domain/betting/strategy';
import { runSettingsSchema } from './run-settings';
import { namedStrategySettings, strategyOf } from './strategy-settings';
import { stakingLabelOf } from './staking-label';

const base = { name: 'r', div: 'E0', holdoutSeason: '2324' };

describe('a strategy in the run settings', () => {
  it('defaults to the market consensus: Pinnacle made fair, best price, edge > 2%, odds <= 3, no credible limit, quarter Kelly', () => {
    const settings = runSettingsSchema.parse(base);
    expect(strategyOf(settings)).toEqual({
      name: 'Market consensus',
      probabilitySource: { kind: 'market-consensus', reference: 'pinnacle' },
      priceSource: 'best',
      marginMethod: settings.marginMethod,
      filters: { minEdge: 0.02, maxCredibleEdge: Number.POSITIVE_INFINITY, minOdds: 1.01, maxOdds: 3 },
      staking: { kind: 'kelly', multiplier: 0.25, shrinkByCalibration: false },
    });
  });

  it('plays every named strategy exactly as the betting core defines it, and each is valid', () => {
    for (const id of NAMED_STRATEGY_IDS) {
      const settings = runSettingsSchema.parse({ ...base, ...namedStrategySettings(id) });
      const strategy = strategyOf(settings);
      expect(strategy).toEqual({ ...NAMED_STRATEGIES[id], marginMethod: settings.marginMethod });
      expect(() => assertStrategy(strategy)).not.toThrow();
    }
  });

  it('reads a stored run whose price was called "max" as the best price', () => {
    expect(runSettingsSchema.parse({ ...base, priceSource: 'max' }).priceSource).toBe('best');
  });

  it('plays level stakes when a flat fraction is set, and the pool at the run\'s weight', () => {
    const settings = runSettingsSchema.parse({ ...base, ...namedStrategySettings('model-shrunk-to-market'), poolWeight: 0.3, flatStakeFraction: 0.01 });
    const strategy = strategyOf(settings);
    expect(strategy.probabilitySource).toEqual({ kind: 'model-shrunk-to-market', reference: 'pinnacle', weight: 0.3, fittedOn: null });
    expect(strategy.staking).toEqual({ kind: 'flat', stakeFraction: 0.01 });
    expect(stakingLabelOf(settings)).toBe('flat 1.0% of the week-start bankroll on every bet');
  });

  it('fits the shrunk strategy\'s weight by default: none until the run has measured it, then the measured one with its seasons', () => {
    const unfitted = runSettingsSchema.parse({ ...base, ...namedStrategySettings('model-shrunk-to-market') });
    expect(unfitted.poolWeight).toBe('fitted');
    expect(unfitted.priorFitSeasons).toBe(DEFAULT_PRIOR_FIT_SEASONS);
    expect(strategyOf(unfitted).probabilitySource).toEqual({ kind: 'model-shrunk-to-market', reference: 'pinnacle', weight: null, fittedOn: null });
    expect(probabilityLabelOf(strategyOf(unfitted).probabilitySource)).toContain('not fitted yet');
    const fitted = runSettingsSchema.parse({
      ...unfitted,
      priorSeasonFit: { seasons: ['2021', '2122', '2223'], matches: 1140, poolWeight: { weight: 0.04, unconstrainedWeight: 0.04, standardError: 0.19 }, calibration: null },
    });
    expect(strategyOf(fitted).probabilitySource).toEqual({ kind: 'model-shrunk-to-market', reference: 'pinnacle', weight: 0.04, fittedOn: { seasons: ['2021', '2122', '2223'], matches: 1140, standardError: 0.19 } });
    expect(probabilityLabelOf(strategyOf(fitted).probabilitySource)).toBe(
      'market-informed: model pooled with Pinnacle pre-match fair prices, model weight 0.040 fitted on 2020-21..2022-23 (1140 matches, standard error 0.190)',
    );
  });

  it('shrinks Kelly by calibration error when asked, and says by how much once measured', () => {
    const settings = runSettingsSchema.parse({ ...base, ...namedStrategySettings('model'), shrinkKellyByCalibration: true });
    expect(strategyOf(settings).staking).toEqual({ kind: 'kelly', multiplier: 0.25, shrinkByCalibration: true });
    expect(stakingLabelOf(settings)).toContain('measured on the seasons before the holdout when the run starts');
    // One bin of 100 forecasts at 0.3 that hit 35 times: an error of 0.05.
    const calibration = Array.from({ length: 10 }, (_, b) => (b === 3 ? { count: 100, forecastSum: 30, hits: 35 } : { count: 0, forecastSum: 0, hits: 0 }));
    const measured = runSettingsSchema.parse({ ...settings, priorSeasonFit: { seasons: ['2223'], matches: 100, poolWeight: null, calibration } });
    expect(stakingLabelOf(measured)).toBe(
      "0.25 × Kelly, shrunk by the calibration error of the strategy's own past forecasts (the seasons before the holdout and the run's settled weeks); 0.050 on 2022-23 (100 matches) before the first week",
    );
  });

  it('refuses a credible-edge limit at or below the minimum edge, a pool weight outside [0, 1] and an unknown source, naming the field', () => {
    const issues = (input: object) => runSettingsSchema.safeParse({ ...base, ...input }).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues({ minEdge: 0.05, maxCredibleEdge: 0.05 })).toEqual([['maxCredibleEdge', 'maxCredibleEdge must be above minEdge']]);
    const poolWeightMessage = 'poolWeight is "fitted" (fitted on the seasons before the holdout) or a number from 0 (the market) to 1 (the model)';
    expect(issues({ poolWeight: 1.5 })?.[0]?.[0]).toBe('poolWeight');
    expect(issues({ poolWeight: 'fit' })).toEqual([['poolWeight', poolWeightMessage]]);
    expect(issues({ priorFitSeasons: 0 })).toEqual([['priorFitSeasons', 'Fit on at least one season before the holdout']]);
    expect(issues({ priorFitSeasons: 2.5 })).toEqual([['priorFitSeasons', 'priorFitSeasons must be a whole number of seasons']]);
    expect(issues({ shrinkKellyByCalibration: true, flatStakeFraction: 0.01 })).toEqual([
      ['shrinkKellyByCalibration', 'Kelly shrunk by calibration error needs Kelly staking; clear flatStakeFraction or turn shrinkKellyByCalibration off'],
    ]);
    expect(issues({ probabilitySource: 'tipster' })?.[0]?.[0]).toBe('probabilitySource');
    expect(issues({ referenceBook: 'b365' })?.[0]?.[0]).toBe('referenceBook');
  });

  it('refuses an unknown named strategy with the names it knows', () => {
    expect(() => namedStrategySettings('lucky' as never)).toThrow('Unknown strategy "lucky"; expected one of market-consensus, model, model-shrunk-to-market');
  });
});
