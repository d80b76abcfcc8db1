import { assertBootstrapOptions, quantileOfSorted, type BootstrapOptions } from './paired-bootstrap';
import { maxDrawdown, weeklyBankrollReturns, weeklySharpe, type BankrollPoint } from './performance-metrics';
import { normalCdf, normalQuantile } from './normal-distribution';
import { mulberry32, randomIndex } from './seeded-random';

/**
 * Risk figures that do not flatter (DESIGN.md definitions, issue 12). They sit beside the
 * figures of performance-metrics.ts, which the reports show today; the weekly-close versions
 * there are the labelled companions of the bet-by-bet ones here.
 */

/** Weekly Sharpe ratios: on log returns (DESIGN.md's definition) and on arithmetic returns (labelled). */
export interface SharpeRatios {
  /** mean / sd of ln(B_w / B_(w-1)) × sqrt(weeksInSeason); null with < 2 weeks, no variation, or after a bust (ln 0). */
  readonly logReturn: number | null;
  /** The same on B_w / B_(w-1) − 1; flatters a volatile bankroll, shown only beside the log version. */
  readonly arithmetic: number | null;
}

export function weeklySharpeRatios(startingBankrollCents: number, history: readonly BankrollPoint[], weeksInSeason: number): SharpeRatios {
  const returns = weeklyBankrollReturns(startingBankrollCents, history).map((w) => w.return);
  const busted = returns.some((r) => r <= -1);
  return {
    logReturn: busted ? null : weeklySharpe(returns.map((r) => Math.log1p(r)), weeksInSeason),
    arithmetic: weeklySharpe(returns, weeksInSeason),
  };
}

/** A settled bet with its kick-off, so risk can be measured in the order results arrived. */
export interface TimedBet {
  readonly week: number;
  readonly date: string;
  /** 'HH:MM' or null before 2019-20 (then the order within a day is the input order). */
  readonly kickoff: string | null;
  readonly matchId: string;
  readonly stakeCents: number;
  readonly profitCents: number;
  readonly won: boolean;
}

/** Bets in kick-off order: date, kick-off time (unknown last within its day), match id, input order. */
export function inKickoffOrder<B extends TimedBet>(bets: readonly B[]): B[] {
  return bets
    .map((bet, index) => ({ bet, index }))
    .sort(
      (a, b) =>
        (a.bet.date < b.bet.date ? -1 : a.bet.date > b.bet.date ? 1 : 0) ||
        (a.bet.kickoff ?? '99:99').localeCompare(b.bet.kickoff ?? '99:99') ||
        (a.bet.matchId < b.bet.matchId ? -1 : a.bet.matchId > b.bet.matchId ? 1 : 0) ||
        a.index - b.index,
    )
    .map((x) => x.bet);
}

/**
 * Max drawdown over the bankroll after every settled bet in kick-off order (DESIGN.md): stakes
 * are fixed at the week start, so within a week the bankroll moves result by result, and a
 * weekend that loses before it wins shows its real trough. Never smaller than the weekly-close
 * figure of performance-metrics.ts (`maxDrawdown` on the weekly history).
 */
export function betByBetMaxDrawdown(startingBankrollCents: number, bets: readonly TimedBet[]): { fraction: number; cents: number } {
  let bankroll = startingBankrollCents;
  const path: BankrollPoint[] = inKickoffOrder(bets).map((bet, i) => {
    bankroll += bet.profitCents;
    return { week: i + 1, bankrollCents: bankroll };
  });
  return maxDrawdown(startingBankrollCents, path);
}

/** Most consecutive lost bets in kick-off order. */
export function longestLosingRun(bets: readonly TimedBet[]): number {
  let longest = 0;
  let current = 0;
  for (const bet of inKickoffOrder(bets)) {
    current = bet.won ? 0 : current + 1;
    longest = Math.max(longest, current);
  }
  return longest;
}

/**
 * Percentile bootstrap of ROI that resamples whole betting weeks (blocks) instead of single
 * bets: bets of one week share the bankroll, the weather, the round's news, so they are not
 * independent, and resampling bets alone understates the spread. null without a staked bet.
 */
export function weekBlockBootstrapRoi(bets: readonly Pick<TimedBet, 'week' | 'stakeCents' | 'profitCents'>[], options: BootstrapOptions): { roi: number; lower: number; upper: number; weeks: number } | null {
  assertBootstrapOptions(options);
  const blocks = new Map<number, { stake: number; profit: number }>();
  for (const bet of bets) {
    if (bet.stakeCents <= 0) continue;
    const block = blocks.get(bet.week) ?? { stake: 0, profit: 0 };
    block.stake += bet.stakeCents;
    block.profit += bet.profitCents;
    blocks.set(bet.week, block);
  }
  const weeks = [...blocks.values()];
  if (weeks.length === 0) return null;
  const n = weeks.length;
  const roi = weeks.reduce((s, w) => s + w.profit, 0) / weeks.reduce((s, w) => s + w.stake, 0);
  const random = mulberry32(options.seed);
  const rois: number[] = [];
  for (let r = 0; r < options.resamples; r += 1) {
    let stake = 0;
    let profit = 0;
    for (let i = 0; i < n; i += 1) {
      const week = weeks[randomIndex(random, n)]!;
      stake += week.stake;
      profit += week.profit;
    }
    rois.push(profit / stake);
  }
  rois.sort((a, b) => a - b);
  const tail = (1 - options.level) / 2;
  return { roi, lower: quantileOfSorted(rois, tail), upper: quantileOfSorted(rois, 1 - tail), weeks: n };
}

export interface EdgeConfirmation {
  readonly roi: number;
  /** Standard error of the stake-weighted ROI: sqrt(Σ s² (r − ROI)²) / Σ s, r = profit / stake. */
  readonly standardError: number;
  /** ROI / standard error. */
  readonly zScore: number;
  /** One-sided P(ROI this high | true ROI 0), normal approximation. */
  readonly pValue: number;
  /** Bets like these needed before a one-sided test at `level` confirms ROI > 0; null when ROI <= 0 (no number of bets confirms it). */
  readonly betsNeeded: number | null;
}

/**
 * "Bets needed to confirm this edge": at the observed ROI and the observed spread of returns
 * per bet, how many bets (with the same stake pattern) a one-sided z-test at `level` needs to
 * reject ROI = 0. The standard error scales with 1/sqrt(n), so n_needed = n · (z_level / z)².
 */
export function betsToConfirmEdge(bets: readonly Pick<TimedBet, 'stakeCents' | 'profitCents'>[], level = 0.95): EdgeConfirmation | null {
  if (!(level > 0 && level < 1)) throw new Error(`level must be strictly between 0 and 1, got ${level}`);
  const placed = bets.filter((b) => b.stakeCents > 0);
  if (placed.length < 2) return null;
  const staked = placed.reduce((s, b) => s + b.stakeCents, 0);
  const roi = placed.reduce((s, b) => s + b.profitCents, 0) / staked;
  const variance = placed.reduce((s, b) => s + (b.profitCents - roi * b.stakeCents) ** 2, 0) / (staked * staked);
  const standardError = Math.sqrt(variance * (placed.length / (placed.length - 1)));
  if (!(standardError > 0)) return null;
  const zScore = roi / standardError;
  const needed = normalQuantile(level);
  return {
    roi,
    standardError,
    zScore,
    pValue: 1 - normalCdf(zScore),
    betsNeeded: roi > 0 ? Math.ceil(placed.length * (needed / zScore) ** 2) : null,
  };
}

/**
 * The p-value of the best of `trials` configurations, deflated for the search that found it.
 * Šidák, 1 − (1 − p)^n, is exact when the trials are independent; Bonferroni, min(1, n·p), is
 * its upper bound. Trials of one grid share most of their bets, so both over-deflate (the
 * effective number of independent trials is smaller than n): an honest upper bound, chosen over
 * the deflated Sharpe ratio of Bailey and López de Prado because that needs the variance of the
 * trials' Sharpe ratios and assumes normal returns, which long-odds bets are not.
 */
export function deflatedSignificance(pValue: number, trials: number): { sidak: number; bonferroni: number; trials: number } {
  if (!(pValue >= 0 && pValue <= 1)) throw new Error(`pValue must be in [0, 1], got ${pValue}`);
  if (!Number.isSafeInteger(trials) || trials < 1) throw new Error(`trials must be a positive integer, got ${trials}`);
  return { sidak: 1 - (1 - pValue) ** trials, bonferroni: Math.min(1, pValue * trials), trials };
}
