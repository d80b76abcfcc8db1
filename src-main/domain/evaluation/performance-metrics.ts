import { breakEvenWinRate } from './break-even';
import { assertBootstrapOptions, quantileOfSorted, type BootstrapOptions } from './paired-bootstrap';
import { mulberry32, randomIndex } from './seeded-random';

/** A placed and settled bet as the metrics need it. */
export interface SettledBet {
  /** Betting week number (1-based within the season). */
  readonly week: number;
  readonly stakeCents: number;
  readonly decimalOdds: number;
  readonly won: boolean;
  /** Integer cents, as settleBet returned it. */
  readonly profitCents: number;
  /** Margin-free closing probability of the outcome bet; null/absent when the season has no closing odds. */
  readonly closingFairProbability?: number | null;
}

/** Bankroll after each week's settlement. */
export interface BankrollPoint {
  readonly week: number;
  readonly bankrollCents: number;
}

export interface PerformanceInput {
  readonly startingBankrollCents: number;
  readonly bets: readonly SettledBet[];
  /** One row per played week, in week order. */
  readonly bankrollHistory: readonly BankrollPoint[];
  /** Outcomes with a positive edge, placed or not (the simulator counts them). */
  readonly valueBetsFound?: number;
  /** Weeks in a season, for annualising the weekly Sharpe ratio; defaults to the weeks in the history. */
  readonly weeksInSeason?: number;
  /** Settings for the ROI interval; no interval is computed without them. */
  readonly bootstrap?: BootstrapOptions;
}

/** Mean closing-line value and how often the price taken beat the fair closing price. */
export interface ClosingLineValue {
  /** Mean over bets of o_taken * p_fair_close - 1. */
  readonly mean: number;
  /** Share of those bets with a positive closing-line value. */
  readonly beatCloseShare: number;
  /** Bets that had closing odds. */
  readonly bets: number;
}

export interface PerformanceSummary {
  readonly startingBankrollCents: number;
  readonly endingBankrollCents: number;
  readonly profitCents: number;
  readonly stakedCents: number;
  /** profit / staked; null when nothing was staked. */
  readonly roi: number | null;
  /** Percentile bootstrap interval of the ROI (bets resampled); null without bets or bootstrap settings. */
  readonly roiInterval: readonly [number, number] | null;
  /** (end - start) / start. */
  readonly bankrollGrowth: number;
  readonly bets: number;
  readonly wins: number;
  /** wins / bets; null without bets. */
  readonly winRate: number | null;
  /** Mean decimal odds of the bets; null without bets. */
  readonly averageOdds: number | null;
  /** Mean of 1 / odds over the bets (break-even.ts): the win rate the prices needed; null without bets. */
  readonly breakEvenWinRate: number | null;
  readonly valueBetsFound: number;
  readonly valueBetsPlaced: number;
  /** Largest fall from a running peak, as a fraction of that peak (0..1). */
  readonly maxDrawdown: number;
  /** Largest fall from a running peak in cents (may come from a different peak than maxDrawdown). */
  readonly maxDrawdownCents: number;
  readonly longestLosingStreak: number;
  readonly weeklyReturns: readonly { readonly week: number; readonly return: number }[];
  /** Annualised weekly Sharpe ratio; null with fewer than two weeks or no variation. */
  readonly sharpe: number | null;
  /** null when no bet has closing odds: unavailable, never 0. */
  readonly clv: ClosingLineValue | null;
}

function assertSettledBets(bets: readonly SettledBet[]): void {
  bets.forEach((bet, i) => {
    if (!Number.isSafeInteger(bet.stakeCents) || bet.stakeCents < 0) throw new Error(`stakeCents must be a non-negative integer, got ${bet.stakeCents} at bet ${i}`);
    if (!Number.isSafeInteger(bet.profitCents)) throw new Error(`profitCents must be an integer, got ${bet.profitCents} at bet ${i}`);
    if (!(Number.isFinite(bet.decimalOdds) && bet.decimalOdds > 1)) throw new Error(`decimal odds must be a finite number greater than 1, got ${bet.decimalOdds} at bet ${i}`);
  });
}

function assertBankroll(cents: number, what: string): void {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new Error(`${what} must be a non-negative integer number of cents, got ${cents}`);
}

/** Everything the dashboard shows about a run's money, from its settled bets and bankroll history. */
export function summarisePerformance(input: PerformanceInput): PerformanceSummary {
  const { startingBankrollCents: start, bets, bankrollHistory } = input;
  assertBankroll(start, 'startingBankrollCents');
  if (start === 0) throw new Error('startingBankrollCents must be positive to measure growth, got 0');
  assertSettledBets(bets);
  bankrollHistory.forEach((point, i) => assertBankroll(point.bankrollCents, `bankrollHistory[${i}].bankrollCents`));
  const placed = bets.filter((bet) => bet.stakeCents > 0);
  const profitCents = placed.reduce((sum, bet) => sum + bet.profitCents, 0);
  const stakedCents = placed.reduce((sum, bet) => sum + bet.stakeCents, 0);
  const wins = placed.filter((bet) => bet.won).length;
  const end = bankrollHistory.at(-1)?.bankrollCents ?? start;
  const weeklyReturns = weeklyBankrollReturns(start, bankrollHistory);
  const drawdown = maxDrawdown(start, bankrollHistory);
  const interval = input.bootstrap && placed.length > 0 ? bootstrapRoiInterval(placed, input.bootstrap) : null;
  return {
    startingBankrollCents: start,
    endingBankrollCents: end,
    profitCents,
    stakedCents,
    roi: roiOf(profitCents, stakedCents),
    roiInterval: interval ? [interval.lower, interval.upper] : null,
    bankrollGrowth: (end - start) / start,
    bets: placed.length,
    wins,
    winRate: placed.length > 0 ? wins / placed.length : null,
    averageOdds: placed.length > 0 ? placed.reduce((sum, bet) => sum + bet.decimalOdds, 0) / placed.length : null,
    breakEvenWinRate: breakEvenWinRate(placed.map((bet) => bet.decimalOdds)),
    valueBetsFound: input.valueBetsFound ?? placed.length,
    valueBetsPlaced: placed.length,
    maxDrawdown: drawdown.fraction,
    maxDrawdownCents: drawdown.cents,
    longestLosingStreak: longestLosingStreak(placed),
    weeklyReturns,
    sharpe: weeklySharpe(
      weeklyReturns.map((w) => w.return),
      input.weeksInSeason ?? weeklyReturns.length,
    ),
    clv: closingLineValue(placed),
  };
}

/** Bankroll return of each week: B_w / B_(w-1) - 1, with B_0 the starting bankroll (0 after a bust). */
export function weeklyBankrollReturns(startingBankrollCents: number, history: readonly BankrollPoint[]): { week: number; return: number }[] {
  let previous = startingBankrollCents;
  return history.map((point) => {
    const weekly = previous > 0 ? point.bankrollCents / previous - 1 : 0;
    previous = point.bankrollCents;
    return { week: point.week, return: weekly };
  });
}

/** Fall from the running peak as a fraction of that peak (0 at or above the peak, and after a bust from 0). */
export function drawdownFraction(peakCents: number, bankrollCents: number): number {
  return peakCents === 0 ? 0 : (peakCents - bankrollCents) / peakCents;
}

/** The running peak (the start counts as the first peak) and the drawdown from it after each week. */
export function drawdownPath(startingBankrollCents: number, history: readonly BankrollPoint[]): { week: number; bankrollCents: number; peakCents: number; drawdown: number }[] {
  let peak = startingBankrollCents;
  return history.map((point) => {
    peak = Math.max(peak, point.bankrollCents);
    return { week: point.week, bankrollCents: point.bankrollCents, peakCents: peak, drawdown: drawdownFraction(peak, point.bankrollCents) };
  });
}

/** Largest fall from a running peak (the start counts as the first peak), as a fraction and in cents. */
export function maxDrawdown(startingBankrollCents: number, history: readonly BankrollPoint[]): { fraction: number; cents: number } {
  let fraction = 0;
  let cents = 0;
  for (const point of drawdownPath(startingBankrollCents, history)) {
    fraction = Math.max(fraction, point.drawdown);
    cents = Math.max(cents, point.peakCents - point.bankrollCents);
  }
  return { fraction, cents };
}

/** Closing-line value of one bet: o_taken * p_fair_close - 1; null without a closing price. */
export function closingLineValueOf(bet: { readonly decimalOdds: number; readonly closingFairProbability?: number | null }): number | null {
  const p = bet.closingFairProbability;
  return p === null || p === undefined ? null : bet.decimalOdds * p - 1;
}

/** profit / staked; null when nothing was staked. */
export function roiOf(profitCents: number, stakedCents: number): number | null {
  return stakedCents > 0 ? profitCents / stakedCents : null;
}

/** Most consecutive lost bets, in week order (input order within a week). */
export function longestLosingStreak(bets: readonly SettledBet[]): number {
  const ordered = bets.map((bet, index) => ({ bet, index })).sort((a, b) => a.bet.week - b.bet.week || a.index - b.index);
  let longest = 0;
  let current = 0;
  for (const { bet } of ordered) {
    current = bet.won ? 0 : current + 1;
    longest = Math.max(longest, current);
  }
  return longest;
}

/**
 * mean / sample standard deviation of weekly returns, times sqrt(weeksInSeason) (DESIGN.md).
 * null with fewer than two weeks or when every week returned the same.
 */
export function weeklySharpe(weeklyReturns: readonly number[], weeksInSeason: number): number | null {
  if (!(Number.isFinite(weeksInSeason) && weeksInSeason > 0)) throw new Error(`weeksInSeason must be a positive number, got ${weeksInSeason}`);
  const n = weeklyReturns.length;
  if (n < 2) return null;
  const mean = weeklyReturns.reduce((a, b) => a + b, 0) / n;
  const variance = weeklyReturns.reduce((sum, r) => sum + (r - mean) ** 2, 0) / (n - 1);
  if (!(variance > 0)) return null;
  return (mean / Math.sqrt(variance)) * Math.sqrt(weeksInSeason);
}

/**
 * Closing-line value over the bets that have a positive closing probability; null when none
 * has. A closing probability <= 0 (a problematic margin removal) counts as unavailable.
 */
export function closingLineValue(bets: readonly SettledBet[]): ClosingLineValue | null {
  const values = bets.flatMap((bet) => {
    const p = bet.closingFairProbability;
    if (p === null || p === undefined) return [];
    if (!(Number.isFinite(p) && p <= 1)) throw new Error(`closingFairProbability must be a number <= 1, got ${p} for a bet in week ${bet.week}`);
    // additive, wpo, bb and goto can price an extreme long shot at or below 0 (flagged
    // problematic): there is no fair closing price to compare with, so the bet has no CLV.
    if (p <= 0) return [];
    return [closingLineValueOf(bet)!];
  });
  if (values.length === 0) return null;
  return {
    mean: values.reduce((a, b) => a + b, 0) / values.length,
    beatCloseShare: values.filter((v) => v > 0).length / values.length,
    bets: values.length,
  };
}

/**
 * Percentile bootstrap of ROI = sum(profit) / sum(stake): bets are resampled with
 * replacement, so big stakes keep their weight. null when no bet has a stake.
 */
export function bootstrapRoiInterval(bets: readonly SettledBet[], options: BootstrapOptions): { roi: number; lower: number; upper: number } | null {
  assertBootstrapOptions(options);
  assertSettledBets(bets);
  const placed = bets.filter((bet) => bet.stakeCents > 0);
  if (placed.length === 0) return null;
  const n = placed.length;
  const roi = placed.reduce((s, b) => s + b.profitCents, 0) / placed.reduce((s, b) => s + b.stakeCents, 0);
  const random = mulberry32(options.seed);
  const rois: number[] = [];
  for (let r = 0; r < options.resamples; r += 1) {
    let profit = 0;
    let staked = 0;
    for (let i = 0; i < n; i += 1) {
      const bet = placed[randomIndex(random, n)]!;
      profit += bet.profitCents;
      staked += bet.stakeCents;
    }
    rois.push(profit / staked);
  }
  rois.sort((a, b) => a - b);
  const tail = (1 - options.level) / 2;
  return { roi, lower: quantileOfSorted(rois, tail), upper: quantileOfSorted(rois, 1 - tail) };
}

/** Throws unless start + sum(profit) equals the final bankroll exactly. */
export function assertLedgerReconciles(startingBankrollCents: number, profitsCents: readonly number[], endingBankrollCents: number): void {
  const total = profitsCents.reduce((a, b) => a + b, 0);
  if (startingBankrollCents + total !== endingBankrollCents) {
    throw new Error(`ledger does not reconcile: start ${startingBankrollCents} + P/L ${total} = ${startingBankrollCents + total} cents, but the bankroll is ${endingBankrollCents}`);
  }
}
