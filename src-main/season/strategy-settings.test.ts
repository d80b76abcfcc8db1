import { describe, expect, it } from 'vitest';
import { NAMED_STRATEGIES, NAMED_STRATEGY_IDS, assertStrategy } from '../domain/betting/strategy';
import { runSettingsSchema } from './run-settings';
import { namedStrategySettings, strategyOf } from './strategy-settings';

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
    expect(strategy.probabilitySource).toEqual({ kind: 'model-shrunk-to-market', reference: 'pinnacle', weight: 0.3 });
    expect(strategy.staking).toEqual({ kind: 'flat', stakeFraction: 0.01 });
  });

  it('refuses a credible-edge limit at or below the minimum edge, a pool weight outside [0, 1] and an unknown source, naming the field', () => {
    const issues = (input: object) => runSettingsSchema.safeParse({ ...base, ...input }).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues({ minEdge: 0.05, maxCredibleEdge: 0.05 })).toEqual([['maxCredibleEdge', 'maxCredibleEdge must be above minEdge']]);
    expect(issues({ poolWeight: 1.5 })?.[0]?.[0]).toBe('poolWeight');
    expect(issues({ probabilitySource: 'tipster' })?.[0]?.[0]).toBe('probabilitySource');
    expect(issues({ referenceBook: 'b365' })?.[0]?.[0]).toBe('referenceBook');
  });

  it('refuses an unknown named strategy with the names it knows', () => {
    expect(() => namedStrategySettings('lucky' as never)).toThrow('Unknown strategy "lucky"; expected one of market-consensus, model, model-shrunk-to-market');
  });
});
