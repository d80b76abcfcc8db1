/** How stakes are sized from Kelly fractions for one betting week. */
export interface StakingConfig {
  /** Share of full Kelly actually bet, in (0, 1]; 0.25 = quarter Kelly. */
  readonly kellyMultiplier: number;
  /** Smallest edge (p_model * odds - 1) worth betting, >= 0. */
  readonly minEdge: number;
  /** Prices outside [minOdds, maxOdds] are not bet. */
  readonly minOdds: number;
  readonly maxOdds: number;
  /** Largest stake on one bet, as a fraction of the bankroll at week start, in (0, 1]. */
  readonly maxStakeFraction: number;
  /** Largest total staked in one week, as a fraction of the bankroll at week start, in (0, 1]. */
  readonly maxWeeklyExposureFraction: number;
  /** Bet at most one outcome per match (the one with the largest edge). */
  readonly oneOutcomePerMatch: boolean;
  /**
   * independent: each bet gets its own Kelly fraction; multi-outcome: outcomes of the same
   * match are sized together (Smoczynski-Tomkins); joint-log-growth: the whole week is sized
   * together by maximising expected log growth.
   */
  readonly mode: StakingMode;
  /** Stakes are rounded down to a multiple of this many cents (100 = whole units). */
  readonly stakeUnitCents: number;
}

export const STAKING_MODES = ['independent', 'multi-outcome', 'joint-log-growth'] as const;
export type StakingMode = (typeof STAKING_MODES)[number];

/**
 * Defaults for a disciplined bettor whose model has not yet proven itself (docs/betting.md):
 * quarter Kelly and a 5% edge threshold because apparent edges are mostly model error;
 * odds 1.25..10 because long shots magnify that error and short prices carry little edge;
 * at most 5% of the bankroll on one bet and 25% in one week; whole-unit stakes.
 */
export const DEFAULT_STAKING: StakingConfig = {
  kellyMultiplier: 0.25,
  minEdge: 0.05,
  minOdds: 1.25,
  maxOdds: 10,
  maxStakeFraction: 0.05,
  maxWeeklyExposureFraction: 0.25,
  oneOutcomePerMatch: true,
  mode: 'independent',
  stakeUnitCents: 100,
};

/** Throws naming the first setting that is out of range. */
export function assertStakingConfig(config: StakingConfig): void {
  const fraction = (name: keyof StakingConfig, value: number) => {
    if (!(Number.isFinite(value) && value > 0 && value <= 1)) throw new Error(`staking.${name} must be in (0, 1], got ${value}`);
  };
  fraction('kellyMultiplier', config.kellyMultiplier);
  fraction('maxStakeFraction', config.maxStakeFraction);
  fraction('maxWeeklyExposureFraction', config.maxWeeklyExposureFraction);
  if (!(Number.isFinite(config.minEdge) && config.minEdge >= 0)) throw new Error(`staking.minEdge must be a finite number >= 0, got ${config.minEdge}`);
  if (!(Number.isFinite(config.minOdds) && config.minOdds >= 1)) throw new Error(`staking.minOdds must be a finite number >= 1, got ${config.minOdds}`);
  if (!(config.maxOdds >= config.minOdds)) throw new Error(`staking.maxOdds must be >= staking.minOdds (${config.minOdds}), got ${config.maxOdds}`);
  if (!Number.isSafeInteger(config.stakeUnitCents) || config.stakeUnitCents < 1) {
    throw new Error(`staking.stakeUnitCents must be a positive integer, got ${config.stakeUnitCents}`);
  }
  if (!(STAKING_MODES as readonly string[]).includes(config.mode)) {
    throw new Error(`staking.mode must be one of ${STAKING_MODES.join(', ')}, got "${String(config.mode)}"`);
  }
  if (typeof config.oneOutcomePerMatch !== 'boolean') throw new Error(`staking.oneOutcomePerMatch must be true or false, got ${String(config.oneOutcomePerMatch)}`);
}

/** Why a sized stake came out at zero. */
export type SizingRejection = 'stake-below-unit' | 'bet-cap' | 'weekly-cap';

/** One stake after caps and rounding. */
export interface SizedStake {
  readonly stakeCents: number;
  /** The cap that reduced a placed stake, if any (the weekly cap wins when both did). */
  readonly limitedBy: 'bet-cap' | 'weekly-cap' | null;
  /** Why the stake is zero; null when it is positive. */
  readonly rejection: SizingRejection | null;
}

/**
 * Turns applied Kelly fractions (already multiplied by kellyMultiplier) into integer-cent
 * stakes for one week:
 * 1. bankroll * fraction, floored to a cent;
 * 2. capped at maxStakeFraction of the bankroll (the cap itself floored to a cent);
 * 3. if the week's total exceeds maxWeeklyExposureFraction of the bankroll, every stake is
 *    scaled by the same factor cap/total in exact integer arithmetic (proportional, so the
 *    relative sizes Kelly chose survive; deterministic, no ordering decides who gets cut);
 * 4. rounded down to a multiple of stakeUnitCents.
 * Rounding only ever goes down, so no stake is negative, above the bankroll or above a cap.
 */
export function sizeStakes(bankrollCents: number, appliedKellyFractions: readonly number[], config: StakingConfig): SizedStake[] {
  if (!Number.isSafeInteger(bankrollCents) || bankrollCents < 0) {
    throw new Error(`bankrollCents must be a non-negative integer, got ${bankrollCents}`);
  }
  appliedKellyFractions.forEach((f, i) => {
    if (!(Number.isFinite(f) && f >= 0 && f <= 1)) throw new Error(`Kelly fraction must be in [0, 1], got ${f} at bet ${i + 1}`);
  });
  const unit = config.stakeUnitCents;
  const toUnit = (cents: number) => Math.floor(cents / unit) * unit;
  const betCapCents = Math.min(bankrollCents, Math.floor(bankrollCents * config.maxStakeFraction + 1e-9));
  const weeklyCapCents = Math.min(bankrollCents, Math.floor(bankrollCents * config.maxWeeklyExposureFraction + 1e-9));

  const afterBetCap = appliedKellyFractions.map((f) => {
    const wanted = Math.floor(bankrollCents * f + 1e-9);
    return { wanted, capped: Math.min(wanted, betCapCents) };
  });
  const total = afterBetCap.reduce((sum, s) => sum + s.capped, 0);
  const scale = total > weeklyCapCents;
  return afterBetCap.map(({ wanted, capped }) => {
    if (toUnit(wanted) === 0) return { stakeCents: 0, limitedBy: null, rejection: 'stake-below-unit' };
    if (toUnit(capped) === 0) return { stakeCents: 0, limitedBy: null, rejection: 'bet-cap' };
    const scaled = scale ? Number((BigInt(capped) * BigInt(weeklyCapCents)) / BigInt(total)) : capped;
    const stakeCents = toUnit(scaled);
    if (stakeCents === 0) return { stakeCents: 0, limitedBy: null, rejection: 'weekly-cap' };
    const limitedBy = scale ? 'weekly-cap' : capped < wanted ? 'bet-cap' : null;
    return { stakeCents, limitedBy, rejection: null };
  });
}
