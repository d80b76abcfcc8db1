import { describe, expect, it } from 'vitest';
import { assertStrategy, isMarketInformed, type Strategy } from './strategy';

const consensus: Strategy = {
  name: 'market consensus',
  probabilitySource: { kind: 'market-consensus', reference: 'pinnacle' },
  priceSource: 'best',
  marginMethod: 'power',
  filters: { minEdge: 0.02, maxCredibleEdge: 0.1, minOdds: 1.25, maxOdds: 5 },
  staking: { kind: 'kelly', multiplier: 0.25, shrinkByCalibration: false },
};

describe('assertStrategy', () => {
  it('accepts every probability source with sensible settings', () => {
    expect(() => assertStrategy(consensus)).not.toThrow();
    expect(() => assertStrategy({ ...consensus, probabilitySource: { kind: 'model' }, filters: { ...consensus.filters, maxCredibleEdge: Number.POSITIVE_INFINITY } })).not.toThrow();
    expect(() => assertStrategy({ ...consensus, probabilitySource: { kind: 'model-shrunk-to-market', reference: 'avg', weight: 0.2, fittedOn: null }, staking: { kind: 'flat', stakeFraction: 0.01 } })).not.toThrow();
  });

  it('names the field at fault', () => {
    expect(() => assertStrategy({ ...consensus, probabilitySource: { kind: 'model-shrunk-to-market', reference: 'pinnacle', weight: 1.5, fittedOn: null } })).toThrow(
      'strategy "market consensus": probabilitySource.weight must be in [0, 1] (0 = market, 1 = model), got 1.5',
    );
    expect(() => assertStrategy({ ...consensus, filters: { ...consensus.filters, maxCredibleEdge: 0.01 } })).toThrow('filters.maxCredibleEdge must be greater than filters.minEdge (0.02), got 0.01');
    expect(() => assertStrategy({ ...consensus, filters: { ...consensus.filters, maxOdds: 1.1 } })).toThrow('filters.maxOdds must be >= filters.minOdds (1.25), got 1.1');
    expect(() => assertStrategy({ ...consensus, priceSource: 'betfair' as never })).toThrow('priceSource must be one of b365, pinnacle, avg, best, got "betfair"');
    expect(() => assertStrategy({ ...consensus, probabilitySource: { kind: 'market-consensus', reference: 'b365' as never } })).toThrow('probabilitySource.reference must be one of pinnacle, avg, got "b365"');
    expect(() => assertStrategy({ ...consensus, staking: { kind: 'kelly', multiplier: 0, shrinkByCalibration: false } })).toThrow('staking.multiplier must be in (0, 1], got 0');
    expect(() => assertStrategy({ ...consensus, staking: { kind: 'flat', stakeFraction: 2 } })).toThrow('staking.stakeFraction must be in (0, 1], got 2');
    expect(() => assertStrategy({ ...consensus, name: ' ' })).toThrow('strategy.name must not be empty');
  });
});

describe('isMarketInformed', () => {
  it('labels consensus and shrunk probabilities market-informed and the model alone not', () => {
    expect(isMarketInformed({ kind: 'model' })).toBe(false);
    expect(isMarketInformed(consensus.probabilitySource)).toBe(true);
    expect(isMarketInformed({ kind: 'model-shrunk-to-market', reference: 'pinnacle', weight: 0.3, fittedOn: null })).toBe(true);
  });
});
