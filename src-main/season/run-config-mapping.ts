import type { StakingConfig } from '../domain/betting/stake-sizing';
import type { WeekSettings } from '../domain/season/play-week';
import { modelConfigFor, type ModelConfig } from '../model/outcome-model';
import type { RunSettings } from './run-settings';
import { strategyOf } from './strategy-settings';

/** The run form is flat for people; the betting core and the models take their own config shapes. */
export function stakingConfigOf(settings: RunSettings): StakingConfig {
  return {
    kellyMultiplier: settings.kellyMultiplier,
    minEdge: settings.minEdge,
    minOdds: settings.minOdds,
    maxOdds: settings.maxOdds,
    maxStakeFraction: settings.maxStakeFraction,
    maxWeeklyExposureFraction: settings.maxWeeklyExposureFraction,
    oneOutcomePerMatch: settings.oneOutcomePerMatch,
    mode: settings.stakingMode,
    stakeUnitCents: STAKE_UNIT_CENTS,
  };
}

/** Stakes are whole currency units (1.00): how a person places a bet, and it keeps the ledger readable. */
export const STAKE_UNIT_CENTS = 100;

export function modelConfigOf(settings: RunSettings): ModelConfig {
  return modelConfigFor(settings.modelKind, settings.seed);
}

/** What the pure week needs of a run's settings. */
export function weekSettingsOf(settings: RunSettings): WeekSettings {
  return {
    strategy: strategyOf(settings),
    staking: stakingConfigOf(settings),
    monitoring: { brierGap: settings.alertBrierGap, windowMatches: settings.alertWindowMatches, drawdown: settings.alertDrawdown },
    retrain: { everyWeeks: settings.retrainEveryWeeks, onDegradation: settings.retrainOnDegradation, minMatches: settings.retrainMinMatches, brierGap: settings.alertBrierGap },
  };
}
