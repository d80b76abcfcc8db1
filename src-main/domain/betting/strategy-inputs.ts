import type { Match } from '../football/match';
import type { Triple } from '../football/outcome';
import { poolProbabilities } from './logistic-pool';
import { marketConsensus } from './market-consensus';
import { priceOf } from './price-source';
import type { StakingConfig } from './stake-sizing';
import type { ProbabilitySource, Strategy } from './strategy';
import type { DecideWeekBetsInput, WeekMatchInput } from './value-bets';

/**
 * How a strategy feeds the one bet decision (`decideWeekBets`): its probabilities and price per
 * match, and its filters and staking as decision settings. The season engine and the benches
 * call these, so a strategy means the same thing everywhere.
 */

/** The strategy's probabilities for a match; null when a needed input (model or reference prices) is missing. */
export function strategyProbabilities(source: ProbabilitySource, match: Pick<Match, 'id' | 'odds'>, modelProbabilities: Triple | null, method: Strategy['marginMethod']): Triple | null {
  switch (source.kind) {
    case 'model':
      return modelProbabilities;
    case 'market-consensus':
      return marketConsensus(match, source.reference, method);
    case 'model-shrunk-to-market': {
      if (source.weight === null) throw new Error('the pool weight of "model shrunk to market" is fitted before the first week; it has not been fitted yet');
      const market = marketConsensus(match, source.reference, method);
      return market === null || modelProbabilities === null ? null : poolProbabilities(modelProbabilities, market, source.weight);
    }
    default: {
      const unknown: never = source;
      throw new Error(`Unknown probability source ${JSON.stringify(unknown)}`);
    }
  }
}

/** The match as the week's decision sees it under the strategy; null when it cannot be bet (no price or no probabilities). */
export function strategyWeekMatch(strategy: Strategy, match: Pick<Match, 'id' | 'odds'>, modelProbabilities: Triple | null): WeekMatchInput | null {
  const probabilities = strategyProbabilities(strategy.probabilitySource, match, modelProbabilities, strategy.marginMethod);
  const decimalOdds = priceOf(match, strategy.priceSource);
  if (probabilities === null || decimalOdds === null) return null;
  return { matchId: match.id, modelProbabilities: probabilities, decimalOdds, marginMethod: strategy.marginMethod };
}

/**
 * The strategy's filters and staking on top of the run's caps and stake unit (`base`).
 * `probabilityErrorSd` is the measured calibration error of the strategy's own past forecasts;
 * a strategy that shrinks Kelly by it cannot be played without it.
 */
export function strategyDecisionSettings(strategy: Strategy, base: StakingConfig, probabilityErrorSd: number | null): Pick<DecideWeekBetsInput, 'staking' | 'sanity' | 'flatStakeFraction'> {
  const { minEdge, maxCredibleEdge, minOdds, maxOdds } = strategy.filters;
  const staking: StakingConfig = { ...base, minEdge, minOdds, maxOdds };
  const credible = Number.isFinite(maxCredibleEdge) ? { maxCredibleEdge } : {};
  switch (strategy.staking.kind) {
    case 'flat':
      return { staking, sanity: credible, flatStakeFraction: strategy.staking.stakeFraction };
    case 'kelly': {
      const { multiplier, shrinkByCalibration } = strategy.staking;
      if (shrinkByCalibration && probabilityErrorSd === null) {
        throw new Error(`strategy "${strategy.name}" shrinks Kelly by calibration error, but no calibration error of its past forecasts was given`);
      }
      return { staking: { ...staking, kellyMultiplier: multiplier }, sanity: shrinkByCalibration ? { ...credible, probabilityErrorSd: probabilityErrorSd! } : credible };
    }
    default: {
      const unknown: never = strategy.staking;
      throw new Error(`Unknown staking ${JSON.stringify(unknown)}`);
    }
  }
}
