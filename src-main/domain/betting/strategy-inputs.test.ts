import { describe, expect, it } from 'vitest';
import type { Match } from '../football/match';
import type { Triple } from '../football/outcome';
import { poolProbabilities } from './logistic-pool';
import { marketConsensus } from './market-consensus';
import { DEFAULT_STAKING } from './stake-sizing';
import type { Strategy } from './strategy';
import { strategyDecisionSettings, strategyProbabilities, strategyWeekMatch } from './strategy-inputs';
import { decideWeekBets } from './value-bets';

const match: Pick<Match, 'id' | 'odds'> = { id: 'm1', odds: { b365: [2.1, 3.4, 3.6], pinnacle: [2.0, 3.6, 4.1], max: [2.25, 3.7, 4.3] } };
const model: Triple = [0.5, 0.27, 0.23];
const consensus: Strategy = {
  name: 'consensus',
  probabilitySource: { kind: 'market-consensus', reference: 'pinnacle' },
  priceSource: 'best',
  marginMethod: 'power',
  filters: { minEdge: 0.02, maxCredibleEdge: Number.POSITIVE_INFINITY, minOdds: 1.01, maxOdds: 3 },
  staking: { kind: 'kelly', multiplier: 0.25, shrinkByCalibration: false },
};

describe('strategyProbabilities', () => {
  it('reads the model, the consensus or their pool', () => {
    expect(strategyProbabilities({ kind: 'model' }, match, model, 'power')).toBe(model);
    expect(strategyProbabilities(consensus.probabilitySource, match, model, 'power')).toEqual(marketConsensus(match, 'pinnacle', 'power'));
    expect(strategyProbabilities({ kind: 'model-shrunk-to-market', reference: 'pinnacle', weight: 0.3, fittedOn: null }, match, model, 'power')).toEqual(poolProbabilities(model, marketConsensus(match, 'pinnacle', 'power')!, 0.3));
  });

  it('is null when an input is missing', () => {
    expect(strategyProbabilities({ kind: 'market-consensus', reference: 'avg' }, match, model, 'power')).toBeNull();
    expect(strategyProbabilities({ kind: 'model-shrunk-to-market', reference: 'pinnacle', weight: 0.3, fittedOn: null }, match, null, 'power')).toBeNull();
  });
});

describe('strategyWeekMatch and strategyDecisionSettings', () => {
  it('bets the consensus at the best price: the home price 2.25 beats Pinnacle\'s fair home probability', () => {
    const input = strategyWeekMatch(consensus, match, null)!;
    expect(input.decimalOdds).toEqual([2.25, 3.7, 4.3]);
    const settings = strategyDecisionSettings(consensus, DEFAULT_STAKING, null);
    expect(settings.staking).toMatchObject({ kellyMultiplier: 0.25, minEdge: 0.02, minOdds: 1.01, maxOdds: 3, maxStakeFraction: DEFAULT_STAKING.maxStakeFraction });
    expect(settings.sanity).toEqual({});
    const home = decideWeekBets({ bankrollCents: 1_000_000, matches: [input], ...settings }).find((d) => d.outcome === 'H')!;
    const fairHome = marketConsensus(match, 'pinnacle', 'power')![0];
    expect(home.edge).toBeCloseTo(fairHome * 2.25 - 1, 12);
    expect(home.placed).toBe(true);
    // Away at 4.3 has a positive edge (0.2368 * 4.3 - 1 = 1.8%) but is above the max odds 3.
    const decisions = decideWeekBets({ bankrollCents: 1_000_000, matches: [input], ...settings });
    expect(decisions.find((d) => d.outcome === 'A')!.rejection).toBe('odds-out-of-range');
    // With no odds cap the draw's edge, 0.2704 * 3.7 - 1 = 0.05%, is below the 2% minimum.
    const uncapped = strategyDecisionSettings({ ...consensus, filters: { ...consensus.filters, maxOdds: 10 } }, DEFAULT_STAKING, null);
    expect(decideWeekBets({ bankrollCents: 1_000_000, matches: [input], ...uncapped }).find((d) => d.outcome === 'D')!.rejection).toBe('edge-below-threshold');
  });

  it('passes the credible-edge limit, flat stakes and the calibration error through', () => {
    const flat = strategyDecisionSettings({ ...consensus, filters: { ...consensus.filters, maxCredibleEdge: 0.1 }, staking: { kind: 'flat', stakeFraction: 0.01 } }, DEFAULT_STAKING, null);
    expect(flat).toMatchObject({ sanity: { maxCredibleEdge: 0.1 }, flatStakeFraction: 0.01 });
    const shrunk = strategyDecisionSettings({ ...consensus, staking: { kind: 'kelly', multiplier: 0.5, shrinkByCalibration: true } }, DEFAULT_STAKING, 0.02);
    expect(shrunk).toMatchObject({ staking: { kellyMultiplier: 0.5 }, sanity: { probabilityErrorSd: 0.02 } });
    expect(() => strategyDecisionSettings({ ...consensus, staking: { kind: 'kelly', multiplier: 0.5, shrinkByCalibration: true } }, DEFAULT_STAKING, null)).toThrow(
      'strategy "consensus" shrinks Kelly by calibration error, but no calibration error of its past forecasts was given',
    );
  });

  it('cannot bet a match without the strategy\'s price', () => {
    expect(strategyWeekMatch({ ...consensus, priceSource: 'avg' }, match, null)).toBeNull();
  });
});
